package io.parx.collector.engine;

import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;

/**
 * The outcome of a single live read (channel test).
 *
 * @param value the value read, {@code null} when it failed
 * @param quality OPC UA StatusCode, see {@link Quality}
 * @param latencyMillis how long the read took
 * @param error human-readable reason when the quality is bad, else {@code null}
 */
public record ReadResult(SampleValue value, int quality, long latencyMillis, String error) {

	public static ReadResult good(SampleValue value, long latencyMillis) {
		return new ReadResult(value, Quality.GOOD, latencyMillis, null);
	}

	public static ReadResult failed(int quality, long latencyMillis, String error) {
		return new ReadResult(null, quality, latencyMillis, error);
	}

}
