package io.parx.collector.api;

import io.parx.collector.engine.ReadResult;
import io.parx.common.sample.Quality;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Answer of a write; the admin-api passes it on. A device that refused the write or did
 * not answer is a bad {@code quality} with the reason in {@code error}, not an HTTP
 * error, so that the admin-api can audit the outcome.
 *
 * @param written the value sent (engineering units), or {@code null} when the write
 * failed
 * @param readBack the value read from the device after the write, or {@code null} (a
 * failed read, or MQTT, whose reads wait for the next message)
 * @param previous the value read just before the write, or {@code null}
 * @param quality the write's StatusCode as an unsigned number
 * @param qualityName its symbolic name
 * @param latencyMs duration of the write itself
 * @param error why the write failed, or {@code null}
 * @param readBackError why the value could not be read back, or {@code null}
 */
record ChannelWriteResult(@Schema(types = {
		"number", "boolean", "string" }) Object written,
		@Schema(types = { "number", "boolean", "string" }) Object readBack,
		@Schema(types = { "number", "boolean", "string" }) Object previous, long quality, String qualityName,
		long latencyMs, String error, String readBackError){

	static ChannelWriteResult of(ReadResult before, ReadResult write, ReadResult after) {
		boolean good = Quality.isGood(write.quality());
		return new ChannelWriteResult(good ? StatusView.plain(write.value()) : null,
				(after != null) ? StatusView.plain(after.value()) : null,
				(before != null && before.value() != null) ? StatusView.plain(before.value()) : null,
				Integer.toUnsignedLong(write.quality()), Quality.name(write.quality()), write.latencyMillis(),
				write.error(), (after != null) ? after.error() : null);
	}

}
