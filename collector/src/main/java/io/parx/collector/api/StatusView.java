package io.parx.collector.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parx.collector.engine.ChannelStatus;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;

/**
 * Answer of {@code GET /api/v1/collector/status}.
 *
 * @param collector this instance's name
 * @param publishing the publish pipeline and disk buffer
 * @param engines per protocol: connections, channels and (Modbus) the request plan
 */
record StatusView(String collector, Publishing publishing, Map<String, Engine> engines) {

	record Publishing(boolean redisReachable, boolean spooling, long streamBacklog, long queuedBatches,
			long bufferedBatches, long bufferBytes, long droppedBatches, long tornRecords) {

	}

	record Engine(List<ConnectionStatus> connections, List<Channel> channels, Object plan) {

	}

	record Channel(long channelId, Object lastValue, long quality, String qualityName, Instant lastGoodTime,
			double readsPerSecond) {

		static Channel of(ChannelStatus status) {
			return new Channel(status.channelId(), plain(status.lastValue()), Integer.toUnsignedLong(status.quality()),
					Quality.name(status.quality()), status.lastGoodTime(), status.readsPerSecond());
		}

	}

	/** A sample value as plain JSON: number, boolean or string. */
	static Object plain(SampleValue value) {
		return switch (value) {
			case null -> null;
			case SampleValue.Numeric numeric ->
				Double.isFinite(numeric.value()) ? numeric.value() : Double.toString(numeric.value());
			case SampleValue.Bool bool -> bool.value();
			case SampleValue.Text text -> text.value();
		};
	}

}
