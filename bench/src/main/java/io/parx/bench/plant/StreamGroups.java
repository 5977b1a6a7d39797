package io.parx.bench.plant;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * A consumer group's progress on a stream from {@code XINFO GROUPS} (Redis 7): entries
 * not yet delivered ({@code lag}) and delivered but not acknowledged ({@code pending}).
 * Reading it costs the database nothing, so scenarios can poll it.
 */
public record StreamGroups(long lag, long pending) {

	/** Nothing left to deliver or to acknowledge. */
	public boolean drained() {
		return this.lag == 0 && this.pending == 0;
	}

	/** The group's state; lag {@code -1} when the group does not exist (yet). */
	public static StreamGroups of(RedisCommands<byte[], byte[]> redis, byte[] stream, String group) {
		for (Object entry : redis.xinfoGroups(stream)) {
			List<?> info = (List<?>) entry;
			String name = null;
			long lag = -1;
			long pending = 0;
			for (int i = 0; i + 1 < info.size(); i += 2) {
				Object value = info.get(i + 1);
				switch (text(info.get(i))) {
					case "name" -> name = text(value);
					case "lag" -> lag = (value instanceof Number n) ? n.longValue() : -1;
					case "pending" -> pending = (value instanceof Number n) ? n.longValue() : 0;
					default -> {
					}
				}
			}
			if (group.equals(name)) {
				return new StreamGroups(lag, pending);
			}
		}
		return new StreamGroups(-1, 0);
	}

	private static String text(Object value) {
		return (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
	}

}
