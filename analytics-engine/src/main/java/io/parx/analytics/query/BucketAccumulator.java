package io.parx.analytics.query;

import java.util.Set;

import io.parx.analytics.history.Micros;
import io.parx.analytics.history.RollupRow;
import io.parx.common.sample.Quality;

/**
 * Aggregates one bucket from raw samples or from rollup rows, in time order. The
 * time-weighted average integrates the step function between consecutive samples (the
 * same definition as the storage engine's {@code twa_integral}), so raw and rollup
 * answers agree.
 */
final class BucketAccumulator {

	final long bucket;

	private long count;

	private double sum;

	private double min = Double.POSITIVE_INFINITY;

	private double max = Double.NEGATIVE_INFINITY;

	private long firstTime;

	private double firstValue;

	private long lastTime;

	private double lastValue;

	private double integral;

	private double mean;

	private double m2;

	private long total;

	private long good;

	/** Count of the raw pass that gave stddev, when the rest came from rollups. */
	private long rawCount = -1;

	BucketAccumulator(long bucket) {
		this.bucket = bucket;
	}

	void addRaw(long time, double value, int quality) {
		this.total++;
		if (Quality.isGood(quality)) {
			this.good++;
		}
		if (Double.isNaN(value)) {
			return;
		}
		if (this.count == 0) {
			this.firstTime = time;
			this.firstValue = value;
		}
		else {
			this.integral += this.lastValue * seconds(time - this.lastTime);
		}
		this.count++;
		this.sum += value;
		this.min = Math.min(this.min, value);
		this.max = Math.max(this.max, value);
		this.lastTime = time;
		this.lastValue = value;
		// Welford's online algorithm: numerically stable variance in one pass.
		double delta = value - this.mean;
		this.mean += delta / this.count;
		this.m2 += delta * (value - this.mean);
	}

	void addRollup(RollupRow row) {
		if (row.count() == 0) {
			return;
		}
		if (this.count == 0) {
			this.firstTime = row.firstTime();
			this.firstValue = row.firstValue();
		}
		else {
			this.integral += this.lastValue * seconds(row.firstTime() - this.lastTime);
		}
		this.integral += row.twaIntegral();
		this.count += row.count();
		this.sum += row.sum();
		this.min = Math.min(this.min, row.min());
		this.max = Math.max(this.max, row.max());
		this.lastTime = row.lastTime();
		this.lastValue = row.lastValue();
	}

	boolean isEmpty() {
		return this.count == 0 && this.total == 0;
	}

	/** Takes stddev and goodShare from a raw pass over the same bucket. */
	void takeRawOnlyFrom(BucketAccumulator raw) {
		this.mean = raw.mean;
		this.m2 = raw.m2;
		this.total = raw.total;
		this.good = raw.good;
		this.rawCount = raw.count;
	}

	BucketPoint toPoint(Set<Aggregate> aggregates) {
		boolean numeric = this.count > 0;
		double span = seconds(this.lastTime - this.firstTime);
		double twa = (span > 0) ? this.integral / span : this.firstValue;
		long varianceCount = (this.rawCount >= 0) ? this.rawCount : this.count;
		return new BucketPoint(Micros.toInstant(this.bucket),
				pick(aggregates, Aggregate.AVG, numeric, this.sum / this.count),
				pick(aggregates, Aggregate.TWA, numeric, twa), pick(aggregates, Aggregate.MIN, numeric, this.min),
				pick(aggregates, Aggregate.MAX, numeric, this.max),
				pick(aggregates, Aggregate.FIRST, numeric, this.firstValue),
				pick(aggregates, Aggregate.LAST, numeric, this.lastValue),
				aggregates.contains(Aggregate.COUNT) ? this.count : null,
				pick(aggregates, Aggregate.SUM, true, this.sum),
				pick(aggregates, Aggregate.STDDEV, varianceCount > 1, Math.sqrt(this.m2 / (varianceCount - 1))),
				pick(aggregates, Aggregate.GOOD_SHARE, this.total > 0, (double) this.good / this.total), null);
	}

	private static Double pick(Set<Aggregate> aggregates, Aggregate aggregate, boolean defined, double value) {
		if (!aggregates.contains(aggregate)) {
			return null;
		}
		return (defined && Double.isFinite(value)) ? value : null;
	}

	static double seconds(long micros) {
		return micros / 1_000_000.0;
	}

}
