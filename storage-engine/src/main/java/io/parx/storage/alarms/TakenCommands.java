package io.parx.storage.alarms;

import java.util.List;

/**
 * The commands the ingest thread took and applied to the pending alarm state, to be
 * written in one transaction and then reported to the waiting requests.
 */
public final class TakenCommands {

	private final List<AlarmCommand> applied;

	private final AlarmOutcome outcome;

	TakenCommands(List<AlarmCommand> applied, AlarmOutcome outcome) {
		this.applied = List.copyOf(applied);
		this.outcome = outcome;
	}

	public boolean isEmpty() {
		return this.applied.isEmpty();
	}

	public int size() {
		return this.applied.size();
	}

	/** What to write: the journal entries and the changed states. */
	public AlarmOutcome outcome() {
		return this.outcome;
	}

	/** After the commit: each request gets its alarm's committed state. */
	public void committed(AlarmStates states) {
		this.applied.forEach((command) -> command.result().complete(states.committed(command.definitionId())));
	}

	/** After a failed write (already discarded): each request gets the failure. */
	public void failed(Exception cause) {
		this.applied.forEach((command) -> command.result().completeExceptionally(cause));
	}

}
