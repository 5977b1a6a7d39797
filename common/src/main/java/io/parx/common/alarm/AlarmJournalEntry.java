package io.parx.common.alarm;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parx.common.config.alarm.AlarmPriority;

/**
 * One transition of an alarm, as {@code GET /api/v1/alarms/journal} lists it and the
 * {@code <prefix>alarms} channel announces it (docs/API.md, "Alarms").
 *
 * @param time source time of the sample that caused it, or when someone acknowledged or
 * shelved the alarm
 * @param definitionId the alarm definition
 * @param name the definition's name at the time
 * @param channelId the channel watched
 * @param event {@code ACTIVATED}, {@code RETURNED}, {@code ACKNOWLEDGED} or
 * {@code SHELVED}
 * @param state the state after it: {@code NORMAL}, {@code ACTIVE_UNACKED},
 * {@code ACTIVE_ACKED} or {@code RETURNED_UNACKED}
 * @param priority how urgent
 * @param value the sample's value: a number, boolean, text or {@code null}
 * @param message the rendered message
 * @param user who acknowledged or shelved, {@code null} for the evaluator's transitions
 * @param comment their comment
 */
@JsonPropertyOrder({ "time", "definitionId", "name", "channelId", "event", "state", "priority", "value", "message",
		"user", "comment" })
public record AlarmJournalEntry(Instant time, long definitionId, String name, long channelId, String event,
		String state, AlarmPriority priority, Object value, String message, String user, String comment) {

}
