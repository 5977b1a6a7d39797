package io.parx.bench.router;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies in 100 µs buckets up to 60 s; lock-free, good enough for percentiles in
 * milliseconds.
 */
public final class LatencyHistogram {

	private static final int BUCKET_MICROS = 100;

	private final AtomicLongArray buckets = new AtomicLongArray(600_000);

	private final LongAdder count = new LongAdder();

	public void record(long micros) {
		int bucket = (int) Math.min(Math.max(micros, 0) / BUCKET_MICROS, this.buckets.length() - 1);
		this.buckets.incrementAndGet(bucket);
		this.count.increment();
	}

	public long count() {
		return this.count.sum();
	}

	/** The latency in milliseconds below which {@code fraction} of the values lie. */
	public double percentile(double fraction) {
		long total = count();
		long target = (long) Math.ceil(total * fraction);
		long seen = 0;
		for (int i = 0; i < this.buckets.length(); i++) {
			seen += this.buckets.get(i);
			if (seen >= target && total > 0) {
				return (i + 1) * BUCKET_MICROS / 1000.0;
			}
		}
		return Double.NaN;
	}

	public void reset() {
		for (int i = 0; i < this.buckets.length(); i++) {
			this.buckets.set(i, 0);
		}
		this.count.reset();
	}

}
