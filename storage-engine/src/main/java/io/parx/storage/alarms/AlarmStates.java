package io.parx.storage.alarms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	public AlarmStates(Map<Long, AlarmState> loaded) {
		loaded.forEach((id, state) -> slot(id).committed = state);
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
		// an acknowledgement carries the time of the last change, not of the last sample
		long seen = slot.lastSeen(state);
		touch(slot);
		slot.pending = state;
		slot.pendingSeen = seen;
	}

	/** The alarm saw a sample of this time that changed nothing. */
	void seen(Slot slot, long timeMicros) {
		touch(slot);
		slot.pendingSeen = timeMicros;
	}

	private void touch(Slot slot) {
		if (!slot.touched) {
			slot.touched = true;
			this.touched.add(slot);
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
			slot.committedSeen = slot.pendingSeen;
			slot.reset();
		}
		this.touched.clear();
	}

	public void discard() {
		this.touched.forEach(Slot::reset);
		this.touched.clear();
	}

	/**
	 * One alarm's committed state, the batch's change of it and the source times of the
	 * last samples it saw ({@link Long#MIN_VALUE}: none beyond the state's own).
	 */
	static final class Slot {

		private final long definitionId;

		private AlarmState committed;

		private AlarmState pending;

		private long committedSeen = Long.MIN_VALUE;

		private long pendingSeen = Long.MIN_VALUE;

		private boolean touched;

		private Slot(long definitionId) {
			this.definitionId = definitionId;
		}

		/** The state after this batch's changes so far, {@code null} if it has none. */
		AlarmState current() {
			return (this.pending != null) ? this.pending : this.committed;
		}

		/** The time of the last sample the alarm saw, of this batch or before. */
		long lastSeen(AlarmState state) {
			return Math.max(this.touched ? this.pendingSeen : this.committedSeen, state.lastSeenMicros());
		}

		private void reset() {
			this.pending = null;
			this.pendingSeen = Long.MIN_VALUE;
			this.touched = false;
		}

	}

}
