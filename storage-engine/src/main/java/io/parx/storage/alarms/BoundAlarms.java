package io.parx.storage.alarms;

import java.util.List;
import java.util.Map;

/**
 * An alarm set bound to the alarms' state slots: for each channel the slots of its
 * alarms, bound together as an {@link AlarmStates.Channel}, found by the channel id in an
 * open-addressing table of primitive keys, so that evaluating a sample costs one probe
 * (no boxed {@code Long}, no allocation) and, while its value is quiet for all of the
 * channel's alarms, one check. Made again when the alarm set is replaced.
 */
final class BoundAlarms {

	/** Fibonacci hashing: spreads dense and strided ids alike. */
	private static final long SPREAD = 0x9E3779B97F4A7C15L;

	private final AlarmSet set;

	private final long[] channelIds;

	/** The alarms of the channel at the same index; {@code null}: a free entry. */
	private final AlarmStates.Channel[] channels;

	private final int shift;

	BoundAlarms(AlarmSet set, AlarmStates states) {
		this.set = set;
		Map<Long, List<WatchedAlarm>> byChannel = set.byChannel();
		// at most half full, so a probe ends after a step or two
		int capacity = Integer.highestOneBit(Math.max(4, byChannel.size() * 2 - 1)) << 1;
		this.channelIds = new long[capacity];
		this.channels = new AlarmStates.Channel[capacity];
		this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
		for (Map.Entry<Long, List<WatchedAlarm>> channel : byChannel.entrySet()) {
			AlarmStates.Slot[] bound = new AlarmStates.Slot[channel.getValue().size()];
			for (int i = 0; i < bound.length; i++) {
				WatchedAlarm alarm = channel.getValue().get(i);
				bound[i] = states.slot(alarm.id());
				bound[i].bind(alarm);
			}
			int index = index(channel.getKey());
			while (this.channels[index] != null) {
				index = (index + 1) & (capacity - 1);
			}
			this.channelIds[index] = channel.getKey();
			this.channels[index] = states.channel(bound);
		}
	}

	boolean isFor(AlarmSet set) {
		return this.set == set;
	}

	/** The channel's alarms; {@code null} when it has none. */
	AlarmStates.Channel watching(long channelId) {
		int mask = this.channels.length - 1;
		for (int index = index(channelId);; index = (index + 1) & mask) {
			AlarmStates.Channel found = this.channels[index];
			if (found == null) {
				return null;
			}
			if (this.channelIds[index] == channelId) {
				return found;
			}
		}
	}

	private int index(long channelId) {
		return (int) ((channelId * SPREAD) >>> this.shift);
	}

}
