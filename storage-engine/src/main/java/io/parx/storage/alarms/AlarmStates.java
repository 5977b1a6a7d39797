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
 */
public final class AlarmStates {

	private final Map<Long, AlarmState> committed = new HashMap<>();

	private final Map<Long, AlarmState> pending = new LinkedHashMap<>();

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

	void put(AlarmState state) {
		this.pending.put(state.definitionId(), state);
	}

	/** The changes since the last commit, to be written with the batch. */
	Map<Long, AlarmState> pending() {
		return Map.copyOf(this.pending);
	}

	public void commit() {
		this.committed.putAll(this.pending);
		this.pending.clear();
	}

	public void discard() {
		this.pending.clear();
	}

}
