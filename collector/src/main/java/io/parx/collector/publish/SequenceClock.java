package io.parx.collector.publish;

import java.time.Clock;
import java.time.Instant;

import io.parx.common.sample.Sample;

/**
 * Batch sequence numbers: microseconds since the epoch, strictly increasing within the
 * process, so that they also increase across restarts (as long as the clock does not jump
 * back by more than the downtime).
 */
final class SequenceClock {

	private final Clock clock;

	private long last;

	SequenceClock(Clock clock) {
		this.clock = clock;
	}

	/** Continues above {@code sequence}, e.g. the last one Redis accepted. */
	synchronized void continueAfter(long sequence) {
		this.last = Math.max(this.last, sequence);
	}

	synchronized long next() {
		long now = Sample.toMicros(Instant.now(this.clock));
		this.last = Math.max(now, this.last + 1);
		return this.last;
	}

}
