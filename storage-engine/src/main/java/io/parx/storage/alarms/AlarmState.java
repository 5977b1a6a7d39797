package io.parx.storage.alarms;

import io.parx.common.sample.SampleValue;

/**
 * What the evaluator remembers of one alarm between batches (table {@code alarm_state}).
 * Immutable: a batch's changes are new instances, so an uncommitted batch can be
 * discarded.
 *
 * @param definitionId the alarm definition
 * @param channelId its channel
 * @param status the ISA-18.2 state
 * @param lastSeenMicros source time of the newest sample evaluated; samples not newer are
 * a redelivery of committed work and are skipped
 * @param pendingSinceMicros source time from which the condition has disagreed with the
 * state (the on- or off-delay runs from it), {@code null} when it agrees
 * @param activatedAtMicros when the current or last activation happened, {@code null} if
 * never
 * @param value the value of the last transition's sample, {@code null} when it had none
 * @param priority the priority level (1-4) at the last transition
 * @param message the rendered message of the last transition
 * @param shelvedUntilMicros while the source time is before this, the alarm raises
 * nothing; {@code null} when not shelved
 * @param ackedAtMicros when it was last acknowledged, {@code null} if not since its last
 * activation
 * @param ackedBy who acknowledged it
 * @param ackComment their comment
 */
public record AlarmState(long definitionId, long channelId, AlarmStatus status, long lastSeenMicros,
		Long pendingSinceMicros, Long activatedAtMicros, SampleValue value, int priority, String message,
		Long shelvedUntilMicros, Long ackedAtMicros, String ackedBy, String ackComment) {

	static AlarmState initial(long definitionId, long channelId, int priority) {
		return new AlarmState(definitionId, channelId, AlarmStatus.NORMAL, Long.MIN_VALUE, null, null, null, priority,
				"", null, null, null, null);
	}

	AlarmState seen(long timeMicros, Long pendingSince) {
		return new AlarmState(this.definitionId, this.channelId, this.status, timeMicros, pendingSince,
				this.activatedAtMicros, this.value, this.priority, this.message, this.shelvedUntilMicros,
				this.ackedAtMicros, this.ackedBy, this.ackComment);
	}

	AlarmState activated(long timeMicros, SampleValue value, int priority, String message) {
		return new AlarmState(this.definitionId, this.channelId, this.status.activated(), timeMicros, null, timeMicros,
				value, priority, message, this.shelvedUntilMicros, null, null, null);
	}

	AlarmState returned(long timeMicros, SampleValue value, int priority, String message) {
		return new AlarmState(this.definitionId, this.channelId, this.status.returned(), timeMicros, null,
				this.activatedAtMicros, value, priority, message, this.shelvedUntilMicros, this.ackedAtMicros,
				this.ackedBy, this.ackComment);
	}

	AlarmState acknowledged(long atMicros, String username, String comment) {
		return new AlarmState(this.definitionId, this.channelId, this.status.acknowledged(), this.lastSeenMicros,
				this.pendingSinceMicros, this.activatedAtMicros, this.value, this.priority, this.message,
				this.shelvedUntilMicros, atMicros, username, comment);
	}

	AlarmState shelved(Long untilMicros) {
		return new AlarmState(this.definitionId, this.channelId, this.status, this.lastSeenMicros,
				this.pendingSinceMicros, this.activatedAtMicros, this.value, this.priority, this.message, untilMicros,
				this.ackedAtMicros, this.ackedBy, this.ackComment);
	}

	boolean isShelvedAt(long timeMicros) {
		return this.shelvedUntilMicros != null && timeMicros < this.shelvedUntilMicros;
	}

}
