package io.parx.analytics.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.parx.analytics.history.Micros;
import io.parx.analytics.history.RollupReader;
import io.parx.analytics.history.RollupReader.Level;
import io.parx.analytics.history.RollupRow;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.analytics.system.ApiException;

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

	Result aggregate(long channelId, Instant from, Instant to, Bucketing bucketing, Set<Aggregate> aggregates) {
		Instant start = Micros.toInstant(bucketing.bucketOf(Micros.of(from)));
		Map<Long, BucketAccumulator> buckets;
		String source;
		if (bucketing.interval() == Interval.SECOND) {
			buckets = fromRaw(channelId, start, to, bucketing);
			source = "raw";
		}
		else {
			Level level = (bucketing.interval() == Interval.MINUTE || !bucketing.hourlyRollupsAlign(start, to))
					? Level.MINUTE : Level.HOUR;
			buckets = new LinkedHashMap<>();
			for (RollupRow row : this.rollups.rows(level, channelId, start, to, aggregates.contains(Aggregate.TWA))) {
				buckets.computeIfAbsent(bucketing.bucketOf(row.bucket()), BucketAccumulator::new).addRollup(row);
			}
			source = level.table();
			if (aggregates.stream().anyMatch(Aggregate::needsRawRows)) {
				Map<Long, BucketAccumulator> raw = fromRaw(channelId, start, to, bucketing);
				raw.forEach((bucket, accumulator) -> buckets.computeIfAbsent(bucket, BucketAccumulator::new)
					.takeRawOnlyFrom(accumulator));
				source = source + "+raw";
			}
		}
		List<BucketPoint> points = new ArrayList<>(buckets.size());
		buckets.values()
			.stream()
			.sorted((a, b) -> Long.compare(a.bucket, b.bucket))
			.forEach((accumulator) -> points.add(accumulator.toPoint(aggregates)));
		return new Result(source, points);
	}

	private Map<Long, BucketAccumulator> fromRaw(long channelId, Instant start, Instant to, Bucketing bucketing) {
		Map<Long, BucketAccumulator> buckets = new LinkedHashMap<>();
		BucketAccumulator[] current = { null };
		long limit = this.settings.maxDownsampleInput();
		long rows = this.samples.stream(channelId, start, to, limit + 1, (time, value, numeric, quality) -> {
			long bucket = bucketing.bucketOf(time);
			if (current[0] == null || current[0].bucket != bucket) {
				current[0] = buckets.computeIfAbsent(bucket, BucketAccumulator::new);
			}
			current[0].addRaw(time, numeric, quality);
		});
		if (rows > limit) {
			throw ApiException.tooLarge(
					"more than " + limit + " raw samples of channel " + channelId
							+ " would be read for this interval or aggregate",
					"use a shorter range, or aggregates that the rollups answer (not stddev or goodShare)");
		}
		return buckets;
	}

}
