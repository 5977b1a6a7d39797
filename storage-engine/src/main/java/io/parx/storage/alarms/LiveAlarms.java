package io.parx.storage.alarms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.alarm.ActiveAlarm;
import io.parx.common.alarm.AlarmChanged;
import io.parx.common.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Tells Redis what the committed alarm transitions changed (docs/CONTRACTS.md, "Redis"):
 * keeps the active list in the hash {@code <prefix>alarms:active} and publishes each
 * transition on {@code <prefix>alarms}, for the data-router's live alarm view.
 *
 * <p>
 * Best-effort and after the commit: the journal is the durable record. A Redis failure is
 * logged and never fails or repeats a batch; the hash is rebuilt from the committed state
 * at start-up and whenever the alarm definitions are reloaded (on a config event and
 * every resync), which heals a write that was lost. Called by the ingest thread only, the
 * one writer of alarm state, so the hash sees the transitions in commit order.
 */
public class LiveAlarms {

	private static final Logger logger = LoggerFactory.getLogger(LiveAlarms.class);

	private final RedisConnectionFactory redis;

	private final byte[] hash;

	private final byte[] channel;

	public LiveAlarms(RedisConnectionFactory redis, RedisKeys keys) {
		this.redis = redis;
		this.hash = bytes(keys.activeAlarms());
		this.channel = bytes(keys.alarms());
	}

	/**
	 * Updates the hash for the alarms these transitions changed, then publishes each
	 * transition with the alarm's entry as committed.
	 * @param transitions the journal entries of one committed transaction, in order
	 * @param states the alarm state, already committed
	 * @param alarms the definitions the transitions were made with
	 */
	public void committed(List<AlarmTransition> transitions, AlarmStates states, AlarmSet alarms) {
		if (transitions.isEmpty()) {
			return;
		}
		try {
			Map<Long, ActiveAlarm> entries = new LinkedHashMap<>();
			for (AlarmTransition transition : transitions) {
				long id = transition.definitionId();
				if (!entries.containsKey(id)) {
					// null: not in the list (computeIfAbsent would not keep it)
					entries.put(id, entry(states.committed(id), alarms.get(id)));
				}
			}
			List<byte[]> messages = new ArrayList<>(transitions.size());
			for (AlarmTransition transition : transitions) {
				messages.add(bytes(
						new AlarmChanged(AlarmQueries.journalView(transition), entries.get(transition.definitionId()))
							.toJson()));
			}
			try (RedisConnection connection = this.redis.getConnection()) {
				connection.openPipeline();
				for (Map.Entry<Long, ActiveAlarm> entry : entries.entrySet()) {
					byte[] field = field(entry.getKey());
					if (entry.getValue() != null) {
						connection.hashCommands().hSet(this.hash, field, bytes(entry.getValue().toJson()));
					}
					else {
						connection.hashCommands().hDel(this.hash, field);
					}
				}
				for (byte[] message : messages) {
					connection.publish(this.channel, message);
				}
				connection.closePipeline();
			}
		}
		catch (RuntimeException ex) {
			logger.warn(
					"Publishing {} alarm transitions to Redis failed (the journal has them; the active list "
							+ "heals at the next reload of the alarm definitions): {}",
					transitions.size(), ex.toString());
		}
	}

	/**
	 * Replaces the hash with the active list of the committed state, in one
	 * {@code MULTI}, so a reader sees the old list or the new one.
	 * @return whether Redis took it
	 */
	public boolean rebuild(AlarmStates states, AlarmSet alarms) {
		try {
			Map<byte[], byte[]> fields = new LinkedHashMap<>();
			for (AlarmState state : states.committedStates()) {
				ActiveAlarm entry = entry(state, alarms.get(state.definitionId()));
				if (entry != null) {
					fields.put(field(state.definitionId()), bytes(entry.toJson()));
				}
			}
			try (RedisConnection connection = this.redis.getConnection()) {
				connection.multi();
				connection.keyCommands().del(this.hash);
				if (!fields.isEmpty()) {
					connection.hashCommands().hMSet(this.hash, fields);
				}
				connection.exec();
			}
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Rebuilding the active alarm list in Redis failed, retrying later: {}", ex.toString());
			return false;
		}
	}

	/** The alarm's entry in the active list, {@code null} when it is not in it. */
	private static ActiveAlarm entry(AlarmState state, WatchedAlarm alarm) {
		if (state == null || alarm == null || state.status() == AlarmStatus.NORMAL) {
			return null;
		}
		return AlarmQueries.activeView(state, alarm);
	}

	private static byte[] field(long definitionId) {
		return Long.toString(definitionId).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
