package io.parx.common.alarm;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An alarm made a transition, and its committed effect on the active list; published by
 * the storage engine on {@code <prefix>alarms} after the transaction that journaled it
 * commits (docs/CONTRACTS.md, "Redis").
 *
 * <p>
 * Wire form: {@code {"event":{...journal entry...},"active":{...}|null}}.
 *
 * @param event the journal entry of the transition
 * @param active the alarm's entry in the active list once the transaction that made the
 * transition committed, {@code null} when it is not (or no longer) in the list
 */
@JsonPropertyOrder({ "event", "active" })
public record AlarmChanged(AlarmJournalEntry event, ActiveAlarm active) {

	public AlarmChanged {
		Objects.requireNonNull(event, "event");
	}

	public String toJson() {
		return AlarmJson.write(this);
	}

	/**
	 * Reads the wire form.
	 * @throws IllegalArgumentException if the text is not an alarm change
	 */
	public static AlarmChanged fromJson(String json) {
		return AlarmJson.read(json, AlarmChanged.class);
	}

}
