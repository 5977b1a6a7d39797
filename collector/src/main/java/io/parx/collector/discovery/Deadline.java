package io.parx.collector.discovery;

import java.time.Duration;

/**
 * When a discovery must be done, on the {@link System#nanoTime()} clock; each request it
 * sends waits at most {@link #remainingNanos()}.
 *
 * @param nanos the {@link System#nanoTime()} of the end
 * @param limit the time limit it was made from, for messages
 */
public record Deadline(long nanos, Duration limit) {

	public static Deadline in(Duration limit) {
		return new Deadline(System.nanoTime() + limit.toNanos(), limit);
	}

	/** Time left, at least 1 ns so that a wait with it never waits forever. */
	public long remainingNanos() {
		return Math.max(1, this.nanos - System.nanoTime());
	}

	public boolean expired() {
		return System.nanoTime() - this.nanos >= 0;
	}

}
