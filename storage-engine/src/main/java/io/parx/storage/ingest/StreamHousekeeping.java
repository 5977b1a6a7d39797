package io.parx.storage.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.api.sync.RedisCommands;
import io.parx.common.redis.RedisKeys;
import io.parx.storage.status.StorageMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the consumer does besides consuming, on its own thread and connection between two
 * reads: once a second it reports the group's lag and pending entries to the metrics, and
 * every {@code trimInterval} it trims the stream behind the acknowledged position
 * ({@link StreamTrimmer}).
 */
final class StreamHousekeeping {

	private static final Logger logger = LoggerFactory.getLogger(StreamHousekeeping.class);

	private static final long INFO_EVERY = Duration.ofSeconds(1).toNanos();

	private final RedisKeys keys;

	private final byte[] stream;

	private final long trimEvery;

	private final StorageMetrics metrics;

	private long lastInfo;

	private long lastTrim;

	StreamHousekeeping(RedisKeys keys, IngestSettings settings, StorageMetrics metrics) {
		this.keys = keys;
		this.stream = keys.samples().getBytes(StandardCharsets.UTF_8);
		this.trimEvery = settings.trimInterval().toNanos();
		this.metrics = metrics;
	}

	void runIfDue(RedisCommands<byte[], byte[]> redis) {
		if (!reportIfDue(redis)) {
			return;
		}
		if (System.nanoTime() - this.lastTrim >= this.trimEvery) {
			this.lastTrim = System.nanoTime();
			try {
				long trimmed = StreamTrimmer.trim(redis, this.stream);
				logger.debug("Trimmed {} acknowledged entries from {}", trimmed, this.keys.samples());
			}
			catch (RuntimeException ex) {
				logger.warn("Trimming {} failed: {}", this.keys.samples(), ex.toString());
			}
		}
	}

	/**
	 * Reports the group's lag and pending entries, at most once a second; also on a
	 * standby, whose status and metrics would otherwise show no backlog.
	 * @return whether it was due
	 */
	boolean reportIfDue(RedisCommands<byte[], byte[]> redis) {
		if (System.nanoTime() - this.lastInfo < INFO_EVERY) {
			return false;
		}
		this.lastInfo = System.nanoTime();
		try {
			for (Object group : redis.xinfoGroups(this.stream)) {
				Map<String, Object> info = groupInfo((List<?>) group);
				if (RedisKeys.STORAGE_GROUP.equals(info.get("name"))) {
					this.metrics.stream(number(info.get("lag")), number(info.get("pending")));
				}
			}
		}
		catch (RuntimeException ex) {
			logger.debug("XINFO GROUPS failed: {}", ex.toString());
		}
		return true;
	}

	/** One group of {@code XINFO GROUPS} as field name to value. */
	static Map<String, Object> groupInfo(List<?> list) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < list.size(); i += 2) {
			Object key = list.get(i);
			Object value = list.get(i + 1);
			map.put((key instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8) : String.valueOf(key),
					(value instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8) : value);
		}
		return map;
	}

	static long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : 0;
	}

}
