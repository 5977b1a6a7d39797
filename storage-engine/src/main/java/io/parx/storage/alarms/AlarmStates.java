package io.parx.storage.alarms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.alarm.AlarmCondition;
import io.parx.common.config.alarm.AlarmDefinition;

/**
 * The alarms' state: what the database holds (committed) plus the changes of the batch
 * being evaluated (pending), one {@link Slot} per alarm. A batch's changes are committed
 * with its rows or discarded when the write fails, so a retry evaluates the same samples
 * against the same state. Used by the single ingest thread only.
 *
 * <p>
 * The evaluator holds on to the slots of the alarms it watches, so a sample reaches its
 * alarms' state without a map look-up and without allocating: with 10,000 definitions the
 * look-ups were the largest part of the evaluation's cost (docs/PERFORMANCE.md, "Alarm
 * evaluation on the storage path").
 *
 * <p>
 * The alarms of one channel share a {@link Channel}: a Good numeric sample whose value is
 * quiet for all of them and newer than any of them saw costs one check for the channel,
 * not one for each alarm (with 10 alarms a channel the per-alarm checks were the rest of
 * the evaluation's cost).
 *
 * <p>
 * The time of the last sample an alarm saw is kept here, beside its state, and is written
 * only with a change of the state: writing it for every sample made the batch's
 * transaction upsert every alarm a batch touched. After a restart a redelivered sample
 * newer than the stored time is evaluated again against the stored state, which gives the
 * transitions it gave before: none, or it would have changed the state.
 */
public final class AlarmStates {

	private final Map<Long, Slot> slots = new HashMap<>();

	/** The slots this batch has changed, in the order it changed them. */
	private final List<Slot> touched = new ArrayList<>();

	/** The channels whose shared times this batch has changed. */
	private final List<Channel> touchedChannels = new ArrayList<>();

	public AlarmStates(Map<Long, AlarmState> loaded) {
		loaded.forEach((id, state) -> {
			Slot slot = slot(id);
			slot.committed = state;
			slot.committedSeen = state.lastSeenMicros();
			slot.seen = slot.committedSeen;
		});
	}

	/** The slot of an alarm, made on first use; it lives as long as these states. */
	Slot slot(long definitionId) {
		return this.slots.computeIfAbsent(definitionId, Slot::new);
	}

	AlarmState get(long definitionId) {
		Slot slot = this.slots.get(definitionId);
		return (slot != null) ? slot.current() : null;
	}

	/** The committed state of an alarm, {@code null} if it has none. */
	public AlarmState committed(long definitionId) {
		Slot slot = this.slots.get(definitionId);
		return (slot != null) ? slot.committed : null;
	}

	/** Every committed state, for rebuilding the active list. */
	Collection<AlarmState> committedStates() {
		List<AlarmState> states = new ArrayList<>();
		for (Slot slot : this.slots.values()) {
			if (slot.committed != null) {
				states.add(slot.committed);
			}
		}
		return states;
	}

	/** A changed state, written with the batch. */
	void put(AlarmState state) {
		put(slot(state.definitionId()), state);
	}

	void put(Slot slot, AlarmState state) {
		touch(slot);
		slot.pending = state;
		// an acknowledgement carries the time of the last change, not of the last sample
		slot.seen = Math.max(slot.lastSeen(), state.lastSeenMicros());
		if (slot.channel != null) {
			seenBy(slot.channel, slot.seen);
		}
		slot.refreshQuiet();
	}

	/** The alarm saw a sample of this time that changed nothing. */
	void seen(Slot slot, long timeMicros) {
		touch(slot);
		slot.seen = timeMicros;
	}

	/**
	 * The fast path of a Good numeric sample: when it is newer than the last the alarm
	 * saw and its value lies where the alarm's state stays as it is (no delay running),
	 * records its time and returns {@code true}; otherwise changes nothing.
	 */
	boolean seenIfQuiet(Slot slot, long timeMicros, double value) {
		if (timeMicros > slot.lastSeen() && slot.quietAbove < value && value <= slot.quietUpTo) {
			touch(slot);
			slot.seen = timeMicros;
			return true;
		}
		return false;
	}

	/**
	 * The same for all alarms of a channel at once: when the sample is newer than any of
	 * them saw and quiet for each, records its time for all of them and returns
	 * {@code true}; otherwise changes nothing, and the alarms are evaluated one by one
	 * (then {@link #seenBy}).
	 */
	boolean seenIfQuiet(Channel channel, long timeMicros, double value) {
		if (timeMicros > channel.newest && channel.quietAbove < value && value <= channel.quietUpTo) {
			touch(channel);
			channel.allSeen = timeMicros;
			channel.newest = timeMicros;
			return true;
		}
		return false;
	}

	/** The channel's alarms were evaluated one by one on a sample of this time. */
	void seenBy(Channel channel, long timeMicros) {
		if (timeMicros > channel.newest) {
			touch(channel);
			channel.newest = timeMicros;
		}
	}

	private void touch(Slot slot) {
		if (!slot.touched) {
			slot.touched = true;
			this.touched.add(slot);
		}
	}

	private void touch(Channel channel) {
		if (!channel.touched) {
			channel.touched = true;
			this.touchedChannels.add(channel);
		}
	}

	/**
	 * The slots of one channel's alarms, bound together (by {@link BoundAlarms}); a slot
	 * leaves the channel it was in.
	 */
	Channel channel(Slot[] slots) {
		for (Slot slot : slots) {
			if (slot.channel != null) {
				release(slot.channel);
			}
		}
		Channel channel = new Channel(slots);
		if (channel.newest != channel.committedNewest) {
			// bound in the middle of a batch: its times are this batch's
			touch(channel);
		}
		return channel;
	}

	/**
	 * Hands the times a channel kept for all its alarms back to each of them, and leaves
	 * them unbound; for a channel whose alarm set was replaced.
	 */
	void release(Channel channel) {
		for (Slot slot : channel.slots) {
			if (slot.channel != channel) {
				continue;
			}
			if (channel.allSeen > slot.seen) {
				touch(slot);
				slot.seen = channel.allSeen;
			}
			slot.committedSeen = Math.max(slot.committedSeen, channel.committedAllSeen);
			slot.channel = null;
		}
	}

	/** The changes since the last commit, to be written with the batch. */
	Map<Long, AlarmState> pending() {
		Map<Long, AlarmState> pending = new LinkedHashMap<>();
		for (Slot slot : this.touched) {
			if (slot.pending != null) {
				pending.put(slot.definitionId, slot.pending);
			}
		}
		return pending;
	}

	public void commit() {
		for (Slot slot : this.touched) {
			if (slot.pending != null) {
				slot.committed = slot.pending;
			}
			slot.committedSeen = slot.seen;
			slot.pending = null;
			slot.touched = false;
		}
		this.touched.clear();
		for (Channel channel : this.touchedChannels) {
			channel.committedAllSeen = channel.allSeen;
			channel.committedNewest = channel.newest;
			channel.touched = false;
		}
		this.touchedChannels.clear();
	}

	public void discard() {
		for (Channel channel : this.touchedChannels) {
			channel.allSeen = channel.committedAllSeen;
			channel.newest = channel.committedNewest;
			channel.touched = false;
		}
		this.touchedChannels.clear();
		for (Slot slot : this.touched) {
			slot.pending = null;
			slot.seen = slot.committedSeen;
			slot.touched = false;
			slot.refreshQuiet();
		}
		this.touched.clear();
	}

	/**
	 * One alarm's committed state, the batch's change of it, the source times of the last
	 * samples it saw ({@link Long#MIN_VALUE}: none), and, while an alarm set is bound to
	 * it, the definition and the range of values in which a Good sample changes nothing
	 * but that time ({@link #refreshQuiet()}). The fast path reads only this object: with
	 * 10,000 definitions, following the state, definition and condition records for every
	 * sample cost more than the comparisons (docs/PERFORMANCE.md, "Alarm evaluation on
	 * the storage path").
	 */
	static final class Slot {

		private final long definitionId;

		private AlarmState committed;

		private AlarmState pending;

		/** The newest sample time evaluated, as committed. */
		private long committedSeen = Long.MIN_VALUE;

		/**
		 * The newest sample time evaluated, this batch included; never older than the
		 * current state's own.
		 */
		private long seen = Long.MIN_VALUE;

		private boolean touched;

		/** The definition of the bound alarm set, {@code null} before binding. */
		private WatchedAlarm alarm;

		/** The channel it is bound in, {@code null} before binding. */
		private Channel channel;

		/** Its state before it has seen a sample. */
		private AlarmState initial;

		/**
		 * A Good numeric value {@code v} with {@code quietAbove < v <= quietUpTo} changes
		 * nothing; {@code NaN} (nothing is quiet) for conditions other than a limit and
		 * while a delay runs.
		 */
		private double quietAbove = Double.NaN;

		private double quietUpTo = Double.NaN;

		private Slot(long definitionId) {
			this.definitionId = definitionId;
		}

		/** The state after this batch's changes so far, {@code null} if it has none. */
		AlarmState current() {
			return (this.pending != null) ? this.pending : this.committed;
		}

		/** The current state, or the initial one of the bound alarm. */
		AlarmState state() {
			AlarmState state = current();
			return (state != null) ? state : this.initial;
		}

		WatchedAlarm alarm() {
			return this.alarm;
		}

		/** The time of the last sample the alarm saw, of this batch or before. */
		long lastSeen() {
			return (this.channel != null) ? Math.max(this.seen, this.channel.allSeen) : this.seen;
		}

		/** Binds the slot to the definition of a new alarm set. */
		void bind(WatchedAlarm alarm) {
			AlarmDefinition definition = alarm.definition();
			this.alarm = alarm;
			this.initial = AlarmState.initial(alarm.id(), definition.channelId(), definition.priority().level());
			refreshQuiet();
		}

		/**
		 * The values that leave the current state as it is, from the limit condition: a
		 * high alarm is quiet at or below its limit while normal, above limit - deadband
		 * while active; a low alarm at or above its limit while normal, below limit +
		 * deadband while active (exactly {@link AlarmCondition.Limit#inAlarm}).
		 */
		private void refreshQuiet() {
			computeQuiet();
			if (this.channel != null) {
				this.channel.refreshQuiet();
			}
		}

		private void computeQuiet() {
			this.quietAbove = Double.NaN;
			this.quietUpTo = Double.NaN;
			AlarmState state = (this.alarm != null) ? state() : null;
			if (state == null || state.pendingSinceMicros() != null
					|| !(this.alarm.definition().condition() instanceof AlarmCondition.Limit limit)) {
				return;
			}
			boolean active = state.status().isActive();
			if (limit.type().isHigh()) {
				this.quietAbove = active ? limit.limit() - limit.deadband() : Double.NEGATIVE_INFINITY;
				this.quietUpTo = active ? Double.POSITIVE_INFINITY : limit.limit();
			}
			else {
				// v >= x is v > nextDown(x), v < x is v <= nextDown(x) for doubles
				this.quietAbove = active ? Double.NEGATIVE_INFINITY : Math.nextDown(limit.limit());
				this.quietUpTo = active ? Math.nextDown(limit.limit() + limit.deadband()) : Double.POSITIVE_INFINITY;
			}
		}

	}

	/**
	 * The alarms of one channel: their slots, the values quiet for all of them (the
	 * intersection of their quiet ranges, {@code NaN} when any has none), the newest
	 * sample time any of them saw, and the time all of them saw through
	 * {@link #seenIfQuiet(Channel, long, double)}, which a slot's own time does not
	 * repeat ({@link Slot#lastSeen()} is the later of the two). Each time as committed
	 * and with this batch.
	 */
	static final class Channel {

		private final Slot[] slots;

		private double quietAbove = Double.NaN;

		private double quietUpTo = Double.NaN;

		/** The newest sample time any of its alarms saw; never older than any's own. */
		private long newest = Long.MIN_VALUE;

		private long committedNewest = Long.MIN_VALUE;

		/** The newest sample time all of its alarms saw at once. */
		private long allSeen = Long.MIN_VALUE;

		private long committedAllSeen = Long.MIN_VALUE;

		private boolean touched;

		private Channel(Slot[] slots) {
			this.slots = slots;
			for (Slot slot : slots) {
				slot.channel = this;
				this.newest = Math.max(this.newest, slot.seen);
				this.committedNewest = Math.max(this.committedNewest, slot.committedSeen);
			}
			refreshQuiet();
		}

		Slot[] slots() {
			return this.slots;
		}

		private void refreshQuiet() {
			double above = Double.NEGATIVE_INFINITY;
			double upTo = Double.POSITIVE_INFINITY;
			for (Slot slot : this.slots) {
				// Math.max and min keep a NaN: one alarm without a quiet range, none for
				// the channel
				above = Math.max(above, slot.quietAbove);
				upTo = Math.min(upTo, slot.quietUpTo);
			}
			this.quietAbove = above;
			this.quietUpTo = upTo;
		}

	}

}
