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

	private List<BucketAccumulator> buckets = List.of();

	private BucketAccumulator current;

	/**
	 * @param expected how many buckets the range has at most: the list is sized for them
	 * at the first row (growing it to 10,000 buckets would copy it 17 times)
	 */
	BucketSequence(Bucketing bucketing, long expected) {
		this.bucketing = bucketing;
		this.expected = (int) Math.min(expected, 1 << 20);
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
			if (this.current == null) {
				this.buckets = new ArrayList<>(this.expected);
			}
			this.current = new BucketAccumulator(bucket);
			this.buckets.add(this.current);
		}
		return this.current;
	}

	/** The buckets in time order. */
	List<BucketAccumulator> buckets() {
		return this.buckets;
	}

	/**
	 * The buckets with stddev and goodShare taken from a raw pass over the same range
	 * (both in time order); a bucket only the raw pass saw (no numeric sample) is kept.
	 */
	List<BucketAccumulator> withRawOnlyFrom(BucketSequence raw) {
		List<BucketAccumulator> merged = new ArrayList<>(Math.max(this.buckets.size(), raw.buckets.size()));
		int next = 0;
		for (BucketAccumulator fromRaw : raw.buckets) {
			while (next < this.buckets.size() && this.buckets.get(next).bucket < fromRaw.bucket) {
				merged.add(this.buckets.get(next++));
			}
			BucketAccumulator target;
			if (next < this.buckets.size() && this.buckets.get(next).bucket == fromRaw.bucket) {
				target = this.buckets.get(next++);
			}
			else {
				target = new BucketAccumulator(fromRaw.bucket);
			}
			target.takeRawOnlyFrom(fromRaw);
			merged.add(target);
		}
		merged.addAll(this.buckets.subList(next, this.buckets.size()));
		return merged;
	}

	static List<BucketPoint> points(List<BucketAccumulator> buckets, Set<Aggregate> aggregates) {
		List<BucketPoint> points = new ArrayList<>(buckets.size());
		for (BucketAccumulator bucket : buckets) {
			points.add(bucket.toPoint(aggregates));
		}
		return points;
	}

}
