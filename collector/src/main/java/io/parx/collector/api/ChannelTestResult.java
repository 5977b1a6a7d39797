package io.parx.collector.api;

import io.parx.collector.engine.ReadResult;
import io.parx.common.sample.Quality;

/**
 * Answer of the channel test; the admin-api passes it on.
 *
 * @param value the value read (number, boolean or string), or {@code null}
 * @param quality the StatusCode as an unsigned number
 * @param qualityName its symbolic name
 * @param latencyMs duration of the read
 * @param error why the read failed, or {@code null}
 */
record ChannelTestResult(Object value, long quality, String qualityName, long latencyMs, String error) {

	static ChannelTestResult of(ReadResult result) {
		return new ChannelTestResult(StatusView.plain(result.value()), Integer.toUnsignedLong(result.quality()),
				Quality.name(result.quality()), result.latencyMillis(), result.error());
	}

}
