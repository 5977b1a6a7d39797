package io.parx.common.config.alarm;

/**
 * What an alarm watches ({@code alarm_definition.type}): an analog limit (HIHI, HI, LO,
 * LOLO), a discrete value, or the sample's quality.
 */
public enum AlarmType {

	/** High-high limit: active while the value is above the limit. */
	HIHI(true),
	/** High limit: active while the value is above the limit. */
	HI(true),
	/** Low limit: active while the value is below the limit. */
	LO(false),
	/** Low-low limit: active while the value is below the limit. */
	LOLO(false),
	/** Active while the value equals the alarm value (a BOOL state or a number). */
	DISCRETE(false),
	/** Active while the sample's quality is Bad (OPC UA severity bits 10). */
	BAD_QUALITY(false);

	private final boolean high;

	AlarmType(boolean high) {
		this.high = high;
	}

	/** Whether this is an analog limit: HIHI, HI, LO or LOLO. */
	public boolean isLimit() {
		return this != DISCRETE && this != BAD_QUALITY;
	}

	/** Whether this limit is exceeded upwards (HIHI, HI). */
	public boolean isHigh() {
		return this.high;
	}

}
