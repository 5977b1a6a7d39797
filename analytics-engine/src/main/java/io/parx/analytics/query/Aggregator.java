package io.parx.analytics.query;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.parx.analytics.history.Micros;
import io.parx.analytics.history.RollupColumn;
import io.parx.analytics.history.RollupReader;
import io.parx.analytics.history.RollupReader.Level;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.Problems;

/**
 * Aggregated series: 1-second buckets from raw rows, 1 minute and more from the storage
 * engine's rollups (1d from hourly rollups, or minute rollups in zones with half-hour
 * offsets). stddev and goodShare need a raw pass because the rollups keep neither a sum
 * of squares nor a count of bad samples.
 */
@Component
class Aggregator {

	private final SampleReader samples;

	private final RollupReader rollups;

	private final AnalyticsSettings settings;

	Aggregator(SampleReader samples, RollupReader rollups, AnalyticsSettings settings) {
		this.samples = samples;
		this.rollups = rollups;
		this.settings = settings;
	}

	record Result(String source, List<BucketPoint> points) {
	}

	/**
	 * The buckets of every channel, by channel id. The rollups of all channels are read
	 * in one statement.
	 */
	Map<Long, Result> aggregate(List<Long> channelIds, Instant from, Instant to, Bucketing bucketing,
			Set<Aggregate> aggregates) {
		Instant start = Micros.toInstant(bucketing.bucketOf(Micros.of(from)));
		Set<Long> ids = new LinkedHashSet<>(channelIds);
		long expected = bucketing.count(start, to);
		Map<Long, Result> results = new HashMap<>();
		if (bucketing.interval() == Interval.SECOND) {
			for (long id : ids) {
				BucketSequence raw = fromRaw(id, start, to, BucketSequence.ofPoints(bucketing, expected, aggregates));
				results.put(id, new Result("raw", raw.points()));
			}
			return results;
		}
		Level level = (bucketing.interval() == Interval.MINUTE || !bucketing.hourlyRollupsAlign(start, to))
				? Level.MINUTE : Level.HOUR;
		boolean rawPass = aggregates.stream().anyMatch(Aggregate::needsRawRows);
		Map<Long, BucketSequence> sequences = new HashMap<>();
		for (long id : ids) {
			sequences.put(id, rawPass ? BucketSequence.ofBuckets(bucketing, expected)
					: BucketSequence.ofPoints(bucketing, expected, aggregates));
		}
		Set<RollupColumn> columns = EnumSet.noneOf(RollupColumn.class);
		aggregates.forEach((aggregate) -> columns.addAll(aggregate.rollupColumns()));
		BucketSequence[] current = { null };
		long[] currentId = { 0 };
		this.rollups.stream(level, ids, start, to, columns, (channelId, row) -> {
			if (current[0] == null || currentId[0] != channelId) {
				current[0] = sequences.get(channelId);
				currentId[0] = channelId;
			}
			current[0].addRollup(row);
		});
		for (long id : ids) {
			BucketSequence sequence = sequences.remove(id);
			if (rawPass) {
				BucketSequence raw = fromRaw(id, start, to, BucketSequence.ofBuckets(bucketing, expected));
				results.put(id, new Result(level.table() + "+raw",
						BucketSequence.pointsOf(sequence.withRawOnlyFrom(raw), aggregates)));
			}
			else {
				results.put(id, new Result(level.table(), sequence.points()));
			}
		}
		return results;
	}

	private BucketSequence fromRaw(long channelId, Instant start, Instant to, BucketSequence buckets) {
		long limit = this.settings.maxDownsampleInput();
		long rows = this.samples.stream(channelId, start, to, limit + 1,
				(time, value, numeric, quality) -> buckets.addRaw(time, numeric, quality));
		if (rows > limit) {
			throw Problems.tooLarge(
					"more than " + limit + " raw samples of channel " + channelId
							+ " would be read for this interval or aggregate",
					"use a shorter range, or aggregates that the rollups answer (not stddev or goodShare)");
		}
		return buckets;
	}

}
