package io.parx.analytics.query;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.parx.analytics.history.Micros;
import io.parx.analytics.history.Range;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.Problems;
import io.parx.common.web.TextRules;

/** A validated query: every field checked, limits applied, auto interval resolved. */
record QuerySpec(List<Long> channelIds, List<Long> derivedSignalIds, Instant from, Instant to, Interval interval,
		Set<Aggregate> aggregates, GapFill gapFill, ZoneId zone, int maxPoints, Downsample downsample) {

	static QuerySpec of(QueryRequest request, AnalyticsSettings settings) {
		List<Long> channels = (request.channelIds() != null) ? List.copyOf(request.channelIds()) : List.of();
		List<Long> derived = (request.derivedSignalIds() != null) ? List.copyOf(request.derivedSignalIds()) : List.of();
		if (channels.isEmpty() && derived.isEmpty()) {
			throw Problems.validation("channelIds", "name at least one channel or derived signal");
		}
		if (channels.size() + derived.size() > settings.maxSeries()) {
			throw Problems.tooLarge("more than " + settings.maxSeries() + " series in one request",
					"split the request");
		}
		Range range = Range.of(request.from(), request.to(), settings);
		ZoneId zone = zone(request.timeZone());
		int maxPoints = (request.maxPoints() != null) ? request.maxPoints() : settings.maxPoints();
		if (maxPoints < 3 || maxPoints > settings.maxPoints()) {
			throw Problems.validation("maxPoints", "must be 3 to " + settings.maxPoints());
		}
		Interval interval = Interval.parse("interval", request.interval());
		long rangeMicros = Micros.of(range.to()) - Micros.of(range.from());
		if (interval == Interval.AUTO) {
			interval = Interval.auto(rangeMicros, maxPoints);
		}
		Downsample downsample = Downsample.parse("downsample", request.downsample());
		if (interval.isBucketed()) {
			long buckets = new Bucketing(interval, zone).count(range.from(), range.to());
			if (buckets > maxPoints) {
				throw Problems.tooLarge(
						buckets + " buckets of " + interval.label() + " per series exceed maxPoints " + maxPoints,
						"use a coarser interval or interval auto");
			}
		}
		else if (downsample == Downsample.NONE
				&& Duration.between(range.from(), range.to()).compareTo(settings.maxRawRange()) > 0) {
			throw Problems.tooLarge("raw queries cover at most " + settings.maxRawRange().toDays() + " days",
					"use an interval (1m, 1h, 1d or auto) or downsample (lttb, minmax) with maxPoints");
		}
		return new QuerySpec(channels, derived, range.from(), range.to(), interval,
				Aggregate.parse("aggregates", request.aggregates()), GapFill.parse("gapFill", request.gapFill()), zone,
				maxPoints, downsample);
	}

	static ZoneId zone(String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(timeZone.strip());
		}
		catch (DateTimeException ex) {
			throw Problems.validation("timeZone", "unknown time zone '" + TextRules.prefix(timeZone) + "'");
		}
	}

}
