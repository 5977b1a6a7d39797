package io.parx.storage.alarms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the enabled alarm definitions, indexed by channel so that a
 * sample costs one map look-up. Replaced as a whole when the configuration changes.
 */
public final class AlarmSet {

	private static final AlarmSet EMPTY = new AlarmSet(List.of());

	private final Map<Long, List<WatchedAlarm>> byChannel = new HashMap<>();

	private final Map<Long, WatchedAlarm> byId = new HashMap<>();

	public AlarmSet(List<WatchedAlarm> alarms) {
		for (WatchedAlarm alarm : alarms) {
			this.byId.put(alarm.id(), alarm);
			this.byChannel.computeIfAbsent(alarm.definition().channelId(), (id) -> new ArrayList<>()).add(alarm);
		}
	}

	public static AlarmSet empty() {
		return EMPTY;
	}

	/** The alarms of each channel that has any. */
	Map<Long, List<WatchedAlarm>> byChannel() {
		return Collections.unmodifiableMap(this.byChannel);
	}

	public WatchedAlarm get(long definitionId) {
		return this.byId.get(definitionId);
	}

	public int size() {
		return this.byId.size();
	}

	boolean isEmpty() {
		return this.byId.isEmpty();
	}

}
