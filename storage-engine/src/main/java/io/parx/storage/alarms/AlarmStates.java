package io.parx.storage.alarms;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alarms' state: what the database holds (committed) plus the changes of the batch
 * being evaluated (pending). A batch's changes are committed with its rows or discarded
 * when the write fails, so a retry evaluates the same samples against the same state.
 * Used by the single ingest thread only.
 *
 * <p>
 * The time of the last sample an alarm saw is kept here, beside its state, and is written
 * only with a change of the state: writing it for every sample made the batch's
 * transaction upsert every alarm a batch touched (docs/PERFORMANCE.md, "Alarm evaluation
 * on the storage path"). After a restart a redelivered sample newer than the stored time
 * is evaluated again against the stored state, which gives the transitions it gave
 * before: none, or it would have changed the state.
 */
public final class AlarmStates {

	private final Map<Long, AlarmState> committed = new HashMap<>();

	private final Map<Long, AlarmState> pending = new LinkedHashMap<>();

	private final Map<Long, Long> committedSeen = new HashMap<>();

	private final Map<Long, Long> pendingSeen = new HashMap<>();

	public AlarmStates(Map<Long, AlarmState> loaded) {
		this.committed.putAll(loaded);
	}

	AlarmState get(long definitionId) {
		AlarmState state = this.pending.get(definitionId);
		return (state != null) ? state : this.committed.get(definitionId);
	}

	/** The committed state of an alarm, {@code null} if it has none. */
	public AlarmState committed(long definitionId) {
		return this.committed.get(definitionId);
	}

	/** Every committed state, for rebuilding the active list. */
	Collection<AlarmState> committedStates() {
		return Collections.unmodifiableCollection(this.committed.values());
	}

	/** A changed state, written with the batch. */
	void put(AlarmState state) {
		this.pending.put(state.definitionId(), state);
		// an acknowledgement carries the time of the last change, not of the last sample
		this.pendingSeen.put(state.definitionId(), lastSeen(state));
	}

	/** The alarm saw a sample of this time that changed nothing. */
	void seen(long definitionId, long timeMicros) {
		this.pendingSeen.put(definitionId, timeMicros);
	}

	/** The time of the last sample the alarm saw, of this batch or before. */
	long lastSeen(AlarmState state) {
		Long seen = this.pendingSeen.get(state.definitionId());
		if (seen == null) {
			seen = this.committedSeen.get(state.definitionId());
		}
		return (seen != null) ? Math.max(seen, state.lastSeenMicros()) : state.lastSeenMicros();
	}

	/** The changes since the last commit, to be written with the batch. */
	Map<Long, AlarmState> pending() {
		return Map.copyOf(this.pending);
	}

	public void commit() {
		this.committed.putAll(this.pending);
		this.committedSeen.putAll(this.pendingSeen);
		this.pending.clear();
		this.pendingSeen.clear();
	}

	public void discard() {
		this.pending.clear();
		this.pendingSeen.clear();
	}

}
