package io.parx.bench.router;

import java.util.concurrent.atomic.LongAdder;

/**
 * The samples whose source time lies in a measurement window {@code [from, to)}: counted
 * and their latencies kept apart from everything else a client receives. Selecting by the
 * sample's own time, not by when it arrived, makes "received" exactly comparable with
 * what the devices produced in the same window: nothing in flight at either edge is
 * counted on one side only. Closed (selects nothing) until {@link #open} is called.
 */
public final class SampleWindow {

	private final LatencyHistogram latencies = new LatencyHistogram();

	private final LongAdder samples = new LongAdder();

	private volatile long fromMicros = Long.MAX_VALUE;

	private volatile long toMicros = Long.MIN_VALUE;

	/** Selects samples with {@code from <= time < to} (microseconds since the epoch). */
	public void open(long from, long to) {
		this.toMicros = to;
		this.fromMicros = from;
	}

	public void record(long timeMicros, long latencyMicros) {
		if (timeMicros >= this.fromMicros && timeMicros < this.toMicros) {
			this.latencies.record(latencyMicros);
			this.samples.increment();
		}
	}

	public LatencyHistogram latencies() {
		return this.latencies;
	}

	public long samples() {
		return this.samples.sum();
	}

}
