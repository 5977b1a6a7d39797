package io.parx.storage.alarms;

/**
 * The state of an alarm, ISA-18.2 / IEC 62682 (§5, the alarm state transition diagram),
 * without the suppressed states: shelving is kept beside the state.
 */
public enum AlarmStatus {

	/** Condition clear, nothing to acknowledge. */
	NORMAL,
	/** In alarm, not acknowledged. */
	ACTIVE_UNACKED,
	/** In alarm, acknowledged. */
	ACTIVE_ACKED,
	/** Returned to normal before anyone acknowledged it. */
	RETURNED_UNACKED;

	public boolean isActive() {
		return this == ACTIVE_UNACKED || this == ACTIVE_ACKED;
	}

	/** The state after the condition set in (after the on-delay). */
	AlarmStatus activated() {
		return isActive() ? this : ACTIVE_UNACKED;
	}

	/** The state after the condition cleared (after the off-delay). */
	AlarmStatus returned() {
		return switch (this) {
			case ACTIVE_UNACKED -> RETURNED_UNACKED;
			case ACTIVE_ACKED -> NORMAL;
			default -> this;
		};
	}

	/**
	 * The state after an acknowledgement; the same state when there is nothing to
	 * acknowledge.
	 */
	AlarmStatus acknowledged() {
		return switch (this) {
			case ACTIVE_UNACKED -> ACTIVE_ACKED;
			case RETURNED_UNACKED -> NORMAL;
			default -> this;
		};
	}

}
