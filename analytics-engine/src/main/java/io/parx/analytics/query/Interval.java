package io.parx.analytics.query;

import java.util.Locale;

import io.parx.common.problem.Problems;

/** Bucket width of a query: raw rows, fixed buckets, or chosen from maxPoints. */
public enum Interval {

	RAW("raw", 0), SECOND("1s", 1_000_000L), MINUTE("1m", 60_000_000L), HOUR("1h", 3_600_000_000L),
	DAY("1d", 86_400_000_000L), AUTO("auto", 0);

	private final String label;

	private final long micros;

	Interval(String label, long micros) {
		this.label = label;
		this.micros = micros;
	}

	public String label() {
		return this.label;
	}

	/** Nominal width; a day in a time zone with daylight saving may be 23 or 25 hours. */
	public long micros() {
		return this.micros;
	}

	public boolean isBucketed() {
		return this.micros > 0;
	}

	public static Interval parse(String field, String value) {
		if (value == null || value.isBlank()) {
			return RAW;
		}
		for (Interval interval : values()) {
			if (interval.label.equals(value.strip().toLowerCase(Locale.ROOT))) {
				return interval;
			}
		}
		throw Problems.validation(field, "must be one of raw, 1s, 1m, 1h, 1d, auto");
	}

	/** The finest fixed interval that gives at most {@code maxPoints} buckets. */
	static Interval auto(long rangeMicros, int maxPoints) {
		for (Interval interval : new Interval[] { SECOND, MINUTE, HOUR }) {
			if (Math.ceilDiv(rangeMicros, interval.micros) <= maxPoints) {
				return interval;
			}
		}
		return DAY;
	}

}
