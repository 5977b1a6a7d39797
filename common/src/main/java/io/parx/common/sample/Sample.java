package io.parx.common.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One reading of one channel: the unit that flows from the collector to every other
 * service (docs/CONTRACTS.md, "The sample").
 *
 * @param channelId the channel's id in the config database, positive
 * @param timeMicros source timestamp in microseconds since the Unix epoch, UTC
 * @param value the reading, {@code null} only when the quality is not good
 * @param quality OPC UA StatusCode (OPC UA Part 4 §7.39), see {@link Quality}
 */
public record Sample(long channelId, long timeMicros, SampleValue value, int quality) {

	public Sample {
		if (channelId <= 0) {
			throw new IllegalArgumentException("channelId must be positive, was " + channelId);
		}
		if (value == null && Quality.isGood(quality)) {
			throw new IllegalArgumentException("a sample of good quality needs a value (channel " + channelId + ")");
		}
	}

	public static Sample of(long channelId, Instant time, double value) {
		return new Sample(channelId, toMicros(time), new SampleValue.Numeric(value), Quality.GOOD);
	}

	public static Sample of(long channelId, Instant time, SampleValue value, int quality) {
		return new Sample(channelId, toMicros(time), value, quality);
	}

	/** A reading that failed: no value, only the reason as a StatusCode. */
	public static Sample failed(long channelId, Instant time, int quality) {
		return new Sample(channelId, toMicros(time), null, quality);
	}

	public Instant time() {
		return Instant.EPOCH.plus(this.timeMicros, ChronoUnit.MICROS);
	}

	public boolean isGood() {
		return Quality.isGood(this.quality);
	}

	public static long toMicros(Instant time) {
		return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
	}

}
