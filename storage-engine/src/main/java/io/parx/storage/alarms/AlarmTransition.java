package io.parx.storage.alarms;

import io.parx.common.sample.SampleValue;

/**
 * One entry of the alarm journal (table {@code alarm_journal}).
 *
 * @param timeMicros source time of the sample that caused it, or when someone
 * acknowledged or shelved the alarm
 * @param definitionId the alarm definition
 * @param event what happened
 * @param state the state after it
 * @param channelId the channel
 * @param name the definition's name at the time
 * @param priority 1 (LOW) to 4 (CRITICAL)
 * @param value the sample's value, {@code null} when it had none
 * @param message the rendered message
 * @param username who acknowledged or shelved, {@code null} for the evaluator's own
 * transitions
 * @param comment their comment
 */
public record AlarmTransition(long timeMicros, long definitionId, AlarmEvent event, AlarmStatus state, long channelId,
		String name, int priority, SampleValue value, String message, String username, String comment) {

}
