package io.parx.analytics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.parx.analytics.history.RollupRow;

/**
 * Folds one channel's rows, which arrive in time order, into consecutive buckets. Bucket
 * starts never decrease in time order, so a row either joins the current bucket or opens
 * the next one: no map from bucket to accumulator and no sort afterwards.
 */
final class BucketSequence {

	private final Bucketing bucketing;

	private final int expected;

	/** Set: a complete bucket becomes its point at once; null: buckets are kept. */
	private final Set<Aggregate> aggregates;

	private List<BucketAccumulator> buckets = List.of();

	private List<BucketPoint> points = List.of();

	private BucketAccumulator current;

	private BucketSequence(Bucketing bucketing, long expected, Set<Aggregate> aggregates) {
		this.bucketing = bucketing;
		this.expected = (int) Math.min(expected, 1 << 20);
		this.aggregates = aggregates;
	}

	/**
	 * A sequence that turns each bucket into its point as soon as the next one starts, so
	 * a long read (50 channels of 100,000 buckets) never holds accumulators and points of
	 * the whole request at once.
	 * @param expected how many buckets the range has at most: the list is sized for them
	 * at the first row (growing it to 10,000 points would copy it 17 times)
	 */
	static BucketSequence ofPoints(Bucketing bucketing, long expected, Set<Aggregate> aggregates) {
		return new BucketSequence(bucketing, expected, aggregates);
	}

	/** A sequence that keeps its buckets, to merge them with a raw pass. */
	static BucketSequence ofBuckets(Bucketing bucketing, long expected) {
		return new BucketSequence(bucketing, expected, null);
	}

	void addRaw(long time, double value, int quality) {
		bucketOf(time).addRaw(time, value, quality);
	}

	void addRollup(RollupRow row) {
		bucketOf(row.bucket()).addRollup(row);
	}

	private BucketAccumulator bucketOf(long time) {
		long bucket = this.bucketing.bucketOf(time);
		if (this.current == null || this.current.bucket != bucket) {
			complete();
			this.current = new BucketAccumulator(bucket);
		}
		return this.current;
	}

	private void complete() {
		if (this.current == null) {
			return;
		}
		if (this.aggregates != null) {
			if (this.points.isEmpty()) {
				this.points = new ArrayList<>(this.expected);
			}
			this.points.add(this.current.toPoint(this.aggregates));
		}
		else {
			if (this.buckets.isEmpty()) {
				this.buckets = new ArrayList<>(this.expected);
			}
			this.buckets.add(this.current);
		}
		this.current = null;
	}

	/** The points in time order (of a sequence {@link #ofPoints}). */
	List<BucketPoint> points() {
		complete();
		return this.points;
	}

	/** The buckets in time order (of a sequence {@link #ofBuckets}). */
	List<BucketAccumulator> buckets() {
		complete();
		return this.buckets;
	}

	/**
	 * The buckets with stddev and goodShare taken from a raw pass over the same range
	 * (both in time order); a bucket only the raw pass saw (no numeric sample) is kept.
	 */
	List<BucketAccumulator> withRawOnlyFrom(BucketSequence raw) {
		List<BucketAccumulator> own = buckets();
		List<BucketAccumulator> merged = new ArrayList<>(Math.max(own.size(), raw.buckets().size()));
		int next = 0;
		for (BucketAccumulator fromRaw : raw.buckets()) {
			while (next < own.size() && own.get(next).bucket < fromRaw.bucket) {
				merged.add(own.get(next++));
			}
			BucketAccumulator target;
			if (next < own.size() && own.get(next).bucket == fromRaw.bucket) {
				target = own.get(next++);
			}
			else {
				target = new BucketAccumulator(fromRaw.bucket);
			}
			target.takeRawOnlyFrom(fromRaw);
			merged.add(target);
		}
		merged.addAll(own.subList(next, own.size()));
		return merged;
	}

	static List<BucketPoint> pointsOf(List<BucketAccumulator> buckets, Set<Aggregate> aggregates) {
		List<BucketPoint> points = new ArrayList<>(buckets.size());
		for (BucketAccumulator bucket : buckets) {
			points.add(bucket.toPoint(aggregates));
		}
		return points;
	}

}
