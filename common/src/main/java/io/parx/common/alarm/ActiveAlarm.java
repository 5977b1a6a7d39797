package io.parx.common.alarm;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parx.common.config.alarm.AlarmPriority;

/**
 * One entry of the active-alarm list: an alarm of an enabled definition that is not in
 * {@code NORMAL}. The same JSON in {@code GET /api/v1/alarms/active}, in the Redis hash
 * {@code <prefix>alarms:active} and in the live {@code alarm} messages
 * (docs/CONTRACTS.md, "Redis"; docs/API.md, "Alarms").
 *
 * @param definitionId the alarm definition
 * @param name the definition's name
 * @param channelId the channel watched
 * @param state {@code ACTIVE_UNACKED}, {@code ACTIVE_ACKED} or {@code RETURNED_UNACKED}
 * (ISA-18.2)
 * @param activatedAt source time of the sample that raised it, {@code null} if never
 * @param value the value at the last transition: a number, boolean, text or {@code null}
 * @param priority how urgent
 * @param message the rendered message of the last transition
 * @param acknowledgedAt when it was acknowledged, {@code null} if not since it was raised
 * @param acknowledgedBy who acknowledged it
 * @param shelvedUntil raises nothing until then, {@code null} when not shelved
 */
@JsonPropertyOrder({ "definitionId", "name", "channelId", "state", "activatedAt", "value", "priority", "message",
		"acknowledgedAt", "acknowledgedBy", "shelvedUntil" })
public record ActiveAlarm(long definitionId, String name, long channelId, String state, Instant activatedAt,
		Object value, AlarmPriority priority, String message, Instant acknowledgedAt, String acknowledgedBy,
		Instant shelvedUntil) {

	/** The JSON form, as the hash holds it. */
	public String toJson() {
		return AlarmJson.write(this);
	}

	/**
	 * Reads the JSON form.
	 * @throws IllegalArgumentException if the text is not an active alarm
	 */
	public static ActiveAlarm fromJson(String json) {
		return AlarmJson.read(json, ActiveAlarm.class);
	}

}
