package io.parx.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.parx.analytics.HistoryFixture.Point;

/**
 * Expectations computed straight from the generated points with textbook formulas, as an
 * independent check of the engine's SQL, rollups and accumulators.
 */
public final class Expected {

	private Expected() {
	}

	/** Aggregates of one bucket. */
	public record Bucket(Instant start, long count, double sum, double min, double max, double first, double last,
			double twa, double stddev, double goodShare) {

		public double avg() {
			return this.sum / this.count;
		}

	}

	/** Buckets of the points in [from, to), keyed by {@code bucketOf}. */
	public static Map<Instant, Bucket> buckets(List<Point> points, Instant from, Instant to,
			Function<Instant, Instant> bucketOf) {
		Map<Instant, List<Point>> groups = new TreeMap<>();
		for (Point point : points) {
			if (!point.time().isBefore(from) && point.time().isBefore(to)) {
				groups.computeIfAbsent(bucketOf.apply(point.time()), (key) -> new ArrayList<>()).add(point);
			}
		}
		Map<Instant, Bucket> result = new TreeMap<>();
		groups.forEach((start, group) -> result.put(start, bucket(start, group)));
		return result;
	}

	public static Bucket bucket(Instant start, List<Point> group) {
		List<Point> defined = group.stream().filter(Point::isDefined).toList();
		long n = defined.size();
		double sum = 0;
		double min = Double.NaN;
		double max = Double.NaN;
		for (Point point : defined) {
			sum += point.value();
			min = Double.isNaN(min) ? point.value() : Math.min(min, point.value());
			max = Double.isNaN(max) ? point.value() : Math.max(max, point.value());
		}
		double mean = sum / n;
		double squares = 0;
		for (Point point : defined) {
			squares += (point.value() - mean) * (point.value() - mean);
		}
		double integral = 0;
		for (int i = 0; i + 1 < defined.size(); i++) {
			integral += defined.get(i).value() * seconds(defined.get(i).time(), defined.get(i + 1).time());
		}
		double span = (n > 0) ? seconds(defined.get(0).time(), defined.get((int) n - 1).time()) : 0;
		double twa = (span > 0) ? integral / span : ((n > 0) ? defined.get(0).value() : Double.NaN);
		long good = group.stream().filter((point) -> point.quality() == 0).count();
		return new Bucket(start, n, sum, min, max, (n > 0) ? defined.get(0).value() : Double.NaN,
				(n > 0) ? defined.get((int) n - 1).value() : Double.NaN, twa,
				(n > 1) ? Math.sqrt(squares / (n - 1)) : Double.NaN, (double) good / group.size());
	}

	/** percentile_cont: linear interpolation between the closest ranks. */
	public static double percentile(List<Double> sorted, double fraction) {
		double rank = fraction * (sorted.size() - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
	}

	/**
	 * The value of a channel at {@code time}: its last sample at or before it, or NaN.
	 */
	public static double previous(List<Point> points, Instant time) {
		double value = Double.NaN;
		for (Point point : points) {
			if (point.time().isAfter(time)) {
				break;
			}
			value = point.value();
		}
		return value;
	}

	static double seconds(Instant from, Instant to) {
		return (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
	}

}
