package io.parx.storage.alarms;

/** What happened to an alarm: the {@code event} column of the alarm journal. */
public enum AlarmEvent {

	/** The condition set in (after the on-delay). */
	ACTIVATED,
	/** The condition cleared (after the off-delay). */
	RETURNED,
	/** Someone acknowledged it. */
	ACKNOWLEDGED,
	/** Someone shelved it for a while. */
	SHELVED

}
