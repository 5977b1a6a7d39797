package io.parx.analytics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.parx.analytics.history.Micros;

/** Answers the buckets of the range that have no samples, per {@link GapFill}. */
final class GapFiller {

	private GapFiller() {
	}

	static List<BucketPoint> fill(List<BucketPoint> points, Bucketing bucketing, long fromMicros, long toMicros,
			GapFill mode, Set<Aggregate> aggregates) {
		if (mode == GapFill.NONE) {
			return points;
		}
		List<BucketPoint> result = new ArrayList<>();
		int next = 0;
		BucketPoint previous = null;
		for (long bucket = bucketing.bucketOf(fromMicros); bucket < toMicros; bucket = bucketing.next(bucket)) {
			while (next < points.size() && Micros.of(points.get(next).time()) < bucket) {
				previous = points.get(next++);
			}
			if (next < points.size() && Micros.of(points.get(next).time()) == bucket) {
				previous = points.get(next++);
				result.add(previous);
				continue;
			}
			BucketPoint following = (next < points.size()) ? points.get(next) : null;
			BucketPoint filled = (mode == GapFill.PREVIOUS) ? previous(previous, bucket, aggregates)
					: linear(previous, following, bucket, aggregates);
			if (filled != null) {
				result.add(filled);
			}
		}
		return result;
	}

	private static BucketPoint previous(BucketPoint before, long bucket, Set<Aggregate> aggregates) {
		if (before == null) {
			return null;
		}
		double last = before.get(Aggregate.LAST);
		if (Double.isNaN(last)) {
			last = before.get(Aggregate.AVG);
		}
		double value = last;
		return point(bucket, aggregates, (aggregate) -> switch (aggregate) {
			case AVG, TWA, MIN, MAX, FIRST, LAST -> Double.isNaN(value) ? before.get(aggregate) : value;
			default -> Double.NaN;
		});
	}

	private static BucketPoint linear(BucketPoint before, BucketPoint after, long bucket, Set<Aggregate> aggregates) {
		if (before == null || after == null) {
			return null;
		}
		long t0 = Micros.of(before.time());
		long t1 = Micros.of(after.time());
		double fraction = (double) (bucket - t0) / (t1 - t0);
		return point(bucket, aggregates, (aggregate) -> switch (aggregate) {
			case AVG, TWA, MIN, MAX, FIRST, LAST ->
				before.get(aggregate) + (after.get(aggregate) - before.get(aggregate)) * fraction;
			default -> Double.NaN;
		});
	}

	private static BucketPoint point(long bucket, Set<Aggregate> aggregates,
			java.util.function.ToDoubleFunction<Aggregate> value) {
		return new BucketPoint(Micros.toInstant(bucket), get(aggregates, Aggregate.AVG, value),
				get(aggregates, Aggregate.TWA, value), get(aggregates, Aggregate.MIN, value),
				get(aggregates, Aggregate.MAX, value), get(aggregates, Aggregate.FIRST, value),
				get(aggregates, Aggregate.LAST, value), aggregates.contains(Aggregate.COUNT) ? 0L : null,
				aggregates.contains(Aggregate.SUM) ? 0.0 : null, null, null, true);
	}

	private static Double get(Set<Aggregate> aggregates, Aggregate aggregate,
			java.util.function.ToDoubleFunction<Aggregate> value) {
		if (!aggregates.contains(aggregate)) {
			return null;
		}
		double result = value.applyAsDouble(aggregate);
		return Double.isNaN(result) ? null : result;
	}

}
