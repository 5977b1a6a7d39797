package io.parx.storage.alarms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.alarm.AlarmDefinition;

/**
 * An alarm set bound to the alarms' state slots: for each channel its alarms, each with
 * its slot and its initial state, so that evaluating a sample costs one look-up for its
 * channel and nothing for each alarm. Made again when the alarm set is replaced.
 */
final class BoundAlarms {

	private static final Watcher[] NONE = {};

	private final AlarmSet set;

	private final Map<Long, Watcher[]> byChannel = new HashMap<>();

	BoundAlarms(AlarmSet set, AlarmStates states) {
		this.set = set;
		for (Map.Entry<Long, List<WatchedAlarm>> channel : set.byChannel().entrySet()) {
			this.byChannel.put(channel.getKey(),
					channel.getValue()
						.stream()
						.map((alarm) -> new Watcher(alarm, states.slot(alarm.id()), initial(alarm)))
						.toArray(Watcher[]::new));
		}
	}

	boolean isFor(AlarmSet set) {
		return this.set == set;
	}

	Watcher[] watching(long channelId) {
		return this.byChannel.getOrDefault(channelId, NONE);
	}

	private static AlarmState initial(WatchedAlarm alarm) {
		AlarmDefinition definition = alarm.definition();
		return AlarmState.initial(alarm.id(), definition.channelId(), definition.priority().level());
	}

	/**
	 * An alarm with its state slot.
	 *
	 * @param alarm the definition
	 * @param slot its state
	 * @param initial its state before it has seen a sample
	 */
	record Watcher(WatchedAlarm alarm, AlarmStates.Slot slot, AlarmState initial) {

		AlarmState state() {
			AlarmState state = this.slot.current();
			return (state != null) ? state : this.initial;
		}

	}

}
