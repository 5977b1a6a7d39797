package io.parx.storage.alarms;

import java.util.List;
import java.util.Map;

/**
 * What evaluating a batch changed: the journal entries, in order, and the alarms' new
 * state, both to be written in the batch's transaction.
 */
public record AlarmOutcome(List<AlarmTransition> transitions, Map<Long, AlarmState> states) {

	public boolean isEmpty() {
		return this.transitions.isEmpty() && this.states.isEmpty();
	}

}
