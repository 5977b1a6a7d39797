package io.parx.storage.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The rule engine's state: what the database holds (committed) plus the changes of the
 * batch being evaluated (pending). A batch's changes are committed together with its
 * rows, or discarded when the write fails, so a retry evaluates the same samples against
 * the same state. Used by the single ingest thread only.
 */
public final class RuleStates {

	private final Map<StateKey, RuleState> committed = new HashMap<>();

	private final Map<StateKey, RuleState> pending = new HashMap<>();

	public RuleStates() {
	}

	public RuleStates(Map<StateKey, RuleState> loaded) {
		this.committed.putAll(loaded);
	}

	public RuleState get(StateKey key) {
		RuleState state = this.pending.get(key);
		return (state != null) ? state : this.committed.get(key);
	}

	public void put(StateKey key, RuleState state) {
		this.pending.put(key, state);
	}

	/** The changes since the last commit, to be written with the batch. */
	public Map<StateKey, RuleState> pending() {
		return Map.copyOf(this.pending);
	}

	public void commit() {
		this.committed.putAll(this.pending);
		this.pending.clear();
	}

	public void discard() {
		this.pending.clear();
	}

	public int size() {
		return this.committed.size();
	}

}
