package io.parx.storage.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.lettuce.core.XTrimArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessages;

/**
 * Keeps the sample stream's memory bounded by deleting entries every consumer group is
 * done with (docs/CONTRACTS.md, "Redis": trimmed only behind what the group has
 * acknowledged, never {@code MAXLEN} over unconsumed data). The oldest entry still needed
 * is, per group, its oldest pending entry, or when nothing is pending the entry after its
 * last delivered one; {@code XTRIM MINID} removes everything older than the oldest over
 * all groups.
 */
final class StreamTrimmer {

	private StreamTrimmer() {
	}

	/**
	 * Trims {@code stream} behind the acknowledged position of all its groups.
	 * @return the number of entries deleted
	 */
	static long trim(RedisCommands<byte[], byte[]> redis, byte[] stream) {
		String keepFrom = null;
		for (Object group : redis.xinfoGroups(stream)) {
			Map<String, Object> info = StreamHousekeeping.groupInfo((List<?>) group);
			String needed = String.valueOf(info.get("last-delivered-id"));
			if (StreamHousekeeping.number(info.get("pending")) > 0) {
				PendingMessages pending = redis.xpending(stream,
						String.valueOf(info.get("name")).getBytes(StandardCharsets.UTF_8));
				needed = pending.getMessageIds().getLower().getValue();
			}
			else {
				// Everything up to last-delivered-id is acknowledged: keep only what
				// follows.
				needed = successor(needed);
			}
			if (keepFrom == null || compare(needed, keepFrom) < 0) {
				keepFrom = needed;
			}
		}
		if (keepFrom == null || compare(keepFrom, "0-1") <= 0) {
			return 0;
		}
		return redis.xtrim(stream, XTrimArgs.Builder.minId(keepFrom));
	}

	private static String successor(String id) {
		long[] parts = parse(id);
		return (parts[1] == Long.MAX_VALUE) ? (parts[0] + 1) + "-0" : parts[0] + "-" + (parts[1] + 1);
	}

	static int compare(String a, String b) {
		long[] x = parse(a);
		long[] y = parse(b);
		int byTime = Long.compareUnsigned(x[0], y[0]);
		return (byTime != 0) ? byTime : Long.compareUnsigned(x[1], y[1]);
	}

	private static long[] parse(String id) {
		int dash = id.indexOf('-');
		return (dash < 0) ? new long[] { Long.parseUnsignedLong(id), 0 } : new long[] {
				Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1)) };
	}

}
