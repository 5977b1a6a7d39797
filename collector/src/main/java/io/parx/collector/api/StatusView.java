package io.parx.collector.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parx.collector.engine.ChannelState;
import io.parx.collector.engine.ChannelStatus;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.EngineStatus;
import io.parx.collector.failover.FailoverStatus;
import io.parx.collector.modbus.PlannedRead;
import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;

/**
 * Answer of {@code GET /api/v1/collector/status}.
 *
 * @param collector this instance's name
 * @param publishing the publish pipeline and disk buffer
 * @param engines per protocol: connections, channels and (Modbus) the request plan
 * @param failover this instance in its collector group: the device connections it holds
 * (with failover: the leases) and the group's other live instances
 */
record StatusView(String collector, Publishing publishing, Map<String, Engine> engines, FailoverStatus failover) {

	/**
	 * The publish pipeline.
	 *
	 * @param redisReachable whether the last write to Redis succeeded
	 * @param spooling whether batches go to the disk buffer instead of Redis
	 * @param streamBacklog entries in the samples stream not yet read by its consumers
	 * @param queuedBatches batches in memory waiting to be written
	 * @param bufferedBatches batches waiting in the disk buffer (its depth)
	 * @param bufferBytes size of the disk buffer's files
	 * @param oldestBufferedAgeMs at most how old the oldest waiting batch is,
	 * {@code null} when the buffer is empty
	 * @param droppedBatches batches the buffer dropped (over its size or age bound) since
	 * start
	 * @param tornRecords torn or corrupt records skipped when the buffer was opened
	 */
	record Publishing(boolean redisReachable, boolean spooling, long streamBacklog, long queuedBatches,
			long bufferedBatches, long bufferBytes, Long oldestBufferedAgeMs, long droppedBatches, long tornRecords) {

	}

	/**
	 * One protocol engine.
	 *
	 * @param connections per device, server or broker: state, last error, reconnect
	 * attempts
	 * @param channels per running channel: last value and quality, read rate
	 * @param plan the Modbus request plan (which reads serve which channels), empty for
	 * other protocols
	 * @param pollOverruns poll cycles that started a whole period late since start
	 */
	record Engine(List<ConnectionStatus> connections, List<Channel> channels, List<PlannedRead> plan,
			long pollOverruns) {

		static Engine of(EngineStatus status) {
			List<PlannedRead> plan = (status.plan() instanceof List<?> reads)
					? reads.stream().filter(PlannedRead.class::isInstance).map(PlannedRead.class::cast).toList()
					: List.of();
			return new Engine(status.connections(), status.channels().stream().map(Channel::of).toList(), plan,
					status.pollOverruns());
		}

	}

	/**
	 * One channel.
	 *
	 * @param channelId the channel id
	 * @param lastValue last value read, {@code null} if none
	 * @param quality OPC UA StatusCode of the last sample
	 * @param qualityName its name, e.g. {@code Bad_ConfigurationError}
	 * @param lastGoodTime time of the last good sample, or {@code null}
	 * @param readsPerSecond recent read rate
	 * @param state {@code RUNNING} or {@code MISCONFIGURED} (its settings cannot be read
	 * or its connection cannot be built from them: it does not run)
	 * @param reason why it is misconfigured, {@code null} when it runs
	 */
	record Channel(long channelId, Object lastValue, long quality, String qualityName, Instant lastGoodTime,
			double readsPerSecond, ChannelState state, String reason) {

		static Channel of(ChannelStatus status) {
			return new Channel(status.channelId(), plain(status.lastValue()), Integer.toUnsignedLong(status.quality()),
					Quality.name(status.quality()), status.lastGoodTime(), status.readsPerSecond(), status.state(),
					status.reason());
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
