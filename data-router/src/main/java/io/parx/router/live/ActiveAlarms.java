package io.parx.router.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.parx.common.alarm.ActiveAlarm;
import io.parx.common.redis.RedisSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the active-alarm list from the {@code <prefix>alarms:active} hash the storage
 * engine keeps (field: definition id, value: an {@link ActiveAlarm}), for the snapshot of
 * a {@code subscribe-alarms}.
 */
@Component
public class ActiveAlarms {

	/** Most alarms one snapshot holds, as many as {@code GET /api/v1/alarms/active}. */
	public static final int MAX_ACTIVE = 10_000;

	/**
	 * Most urgent first, then the newest, as {@code GET /api/v1/alarms/active} orders
	 * them.
	 */
	static final Comparator<ActiveAlarm> URGENT_FIRST = Comparator
		.comparing(ActiveAlarm::priority, Comparator.nullsFirst(Comparator.naturalOrder()))
		.reversed()
		.thenComparing(ActiveAlarm::activatedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).reversed())
		.thenComparingLong(ActiveAlarm::definitionId);

	private static final Logger logger = LoggerFactory.getLogger(ActiveAlarms.class);

	private final RedisConnectionFactory connections;

	private final byte[] key;

	ActiveAlarms(RedisConnectionFactory connections, RedisSettings settings) {
		this.connections = connections;
		this.key = settings.keys().activeAlarms().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The active alarms, most urgent and newest first, at most {@link #MAX_ACTIVE};
	 * entries that do not read are left out.
	 */
	public List<ActiveAlarm> read() {
		Map<byte[], byte[]> entries;
		try (RedisConnection connection = this.connections.getConnection()) {
			entries = connection.hashCommands().hGetAll(this.key);
		}
		List<ActiveAlarm> active = new ArrayList<>((entries != null) ? entries.size() : 0);
		if (entries == null) {
			return active;
		}
		for (Map.Entry<byte[], byte[]> entry : entries.entrySet()) {
			try {
				active.add(ActiveAlarm.fromJson(new String(entry.getValue(), StandardCharsets.UTF_8)));
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Active alarm {} does not read: {}", new String(entry.getKey(), StandardCharsets.UTF_8),
						ex.getMessage());
			}
		}
		active.sort(URGENT_FIRST);
		return (active.size() > MAX_ACTIVE) ? List.copyOf(active.subList(0, MAX_ACTIVE)) : active;
	}

}
