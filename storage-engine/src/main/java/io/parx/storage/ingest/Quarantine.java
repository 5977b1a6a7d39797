package io.parx.storage.ingest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessage;
import io.parx.common.redis.RedisKeys;
import io.parx.storage.status.StorageMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream entries that cannot be decoded: left pending for another attempt until one has
 * been delivered {@code maxAttempts} times, then copied to the quarantine stream (with
 * its id, the reason and the consumer) and acknowledged, so it never blocks the rest.
 */
final class Quarantine {

	private static final Logger logger = LoggerFactory.getLogger(Quarantine.class);

	private final RedisKeys keys;

	private final IngestSettings settings;

	private final StorageMetrics metrics;

	private final byte[] stream;

	private final byte[] group = RedisKeys.STORAGE_GROUP.getBytes(StandardCharsets.UTF_8);

	Quarantine(RedisKeys keys, IngestSettings settings, StorageMetrics metrics) {
		this.keys = keys;
		this.settings = settings;
		this.metrics = metrics;
		this.stream = bytes(keys.samples());
	}

	void rejected(RedisCommands<byte[], byte[]> redis, StreamMessage<byte[], byte[]> message, byte[] payload,
			Exception reason) {
		List<PendingMessage> pending = redis.xpending(this.stream, this.group,
				Range.create(message.getId(), message.getId()), Limit.from(1));
		long deliveries = pending.isEmpty() ? 1 : pending.get(0).getRedeliveryCount();
		if (deliveries < this.settings.maxAttempts()) {
			logger.warn("Entry {} cannot be decoded (delivery {} of {}): {}", message.getId(), deliveries,
					this.settings.maxAttempts(), reason.getMessage());
			return;
		}
		Map<byte[], byte[]> fields = new LinkedHashMap<>();
		fields.put(bytes(RedisKeys.BATCH_FIELD), payload);
		fields.put(bytes("id"), bytes(message.getId()));
		fields.put(bytes("reason"), bytes(String.valueOf(reason.getMessage())));
		fields.put(bytes("consumer"), bytes(this.settings.consumerName()));
		redis.xadd(bytes(this.keys.samplesQuarantine()), fields);
		redis.xack(this.stream, this.group, message.getId());
		this.metrics.quarantined();
		logger.error("Entry {} moved to {} after {} deliveries: {}", message.getId(), this.keys.samplesQuarantine(),
				deliveries, reason.getMessage());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
