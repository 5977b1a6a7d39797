package io.parx.common.config.alarm;

import io.parx.common.config.SettingsReader;

/**
 * How urgent an alarm is, ISA-18.2 style: four levels, also written as 1 (LOW) to 4
 * (CRITICAL).
 */
public enum AlarmPriority {

	LOW, MEDIUM, HIGH, CRITICAL;

	/** 1 (LOW) to 4 (CRITICAL). */
	public int level() {
		return ordinal() + 1;
	}

	/**
	 * Reads a priority given by name or as a number 1-4.
	 * @return the priority, or {@code null} when absent or rejected (recorded in the
	 * reader)
	 */
	static AlarmPriority read(SettingsReader f, String name, AlarmPriority defaultValue) {
		Object raw = f.raw(name);
		if (raw == null) {
			return defaultValue;
		}
		if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			int level = number.intValue();
			if (level >= 1 && level <= 4) {
				return values()[level - 1];
			}
		}
		else if (raw instanceof String text) {
			for (AlarmPriority priority : values()) {
				if (priority.name().equals(text.strip()) || String.valueOf(priority.level()).equals(text.strip())) {
					return priority;
				}
			}
		}
		f.reject(name, "must be one of [LOW, MEDIUM, HIGH, CRITICAL] or 1 to 4");
		return null;
	}

}
