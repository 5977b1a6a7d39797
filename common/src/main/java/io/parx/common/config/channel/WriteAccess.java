package io.parx.common.config.channel;

import java.util.Map;
import java.util.Set;

import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;
import io.parx.common.sample.SampleValue;

/**
 * Whether and how a channel may be written to its device (issue #19), part of the
 * channel's protocol settings so that the admin-api, which checks a write request, and
 * the collector, which carries it out, read the same rules from the same stored document.
 * Absent fields mean read-only: a channel is written only when it says so.
 *
 * @param writable whether ENGINEER and ADMIN may write the channel ({@code false} by
 * default)
 * @param operatorWritable whether OPERATOR may write it as well ({@code false} by
 * default; needs {@code writable})
 * @param writeMin smallest value that may be written (engineering units, after scale and
 * offset), or {@code null}: no lower limit
 * @param writeMax largest value that may be written, or {@code null}: no upper limit
 */
public record WriteAccess(boolean writable, boolean operatorWritable, Double writeMin, Double writeMax) {

	/** A channel that is only read. */
	public static final WriteAccess NONE = new WriteAccess(false, false, null, null);

	/** The fields of this contract in a settings document. */
	public static final Set<String> FIELDS = Set.of("writable", "operatorWritable", "writeMin", "writeMax");

	public WriteAccess {
		if (operatorWritable && !writable) {
			throw new IllegalArgumentException("operatorWritable needs writable");
		}
		if ((writeMin != null && !Double.isFinite(writeMin)) || (writeMax != null && !Double.isFinite(writeMax))) {
			throw new IllegalArgumentException("writeMin and writeMax must be finite numbers");
		}
		if (writeMin != null && writeMax != null && writeMin > writeMax) {
			throw new IllegalArgumentException("writeMin must not be above writeMax");
		}
	}

	/**
	 * Reads the write fields of a settings document.
	 * @param readOnlyReason why this channel can never be written (e.g. an input
	 * register), or {@code null} when it can
	 */
	static WriteAccess read(SettingsReader f, DataType dataType, String readOnlyReason) {
		int before = f.problems().size();
		Boolean writable = f.bool("writable", false);
		Boolean operatorWritable = f.bool("operatorWritable", false);
		Double writeMin = f.has("writeMin") ? f.number("writeMin", null, -Double.MAX_VALUE, Double.MAX_VALUE) : null;
		Double writeMax = f.has("writeMax") ? f.number("writeMax", null, -Double.MAX_VALUE, Double.MAX_VALUE) : null;
		if (Boolean.TRUE.equals(writable) && readOnlyReason != null) {
			f.reject("writable", readOnlyReason);
		}
		if (Boolean.TRUE.equals(operatorWritable) && Boolean.FALSE.equals(writable)) {
			f.reject("operatorWritable", "needs writable: true");
		}
		if (dataType != null && !dataType.isNumeric()) {
			if (f.has("writeMin")) {
				f.reject("writeMin", "applies only to numeric data types");
			}
			if (f.has("writeMax")) {
				f.reject("writeMax", "applies only to numeric data types");
			}
		}
		if (writeMin != null && writeMax != null && writeMin > writeMax) {
			f.reject("writeMax", "must not be below writeMin");
		}
		if (f.problems().size() > before) {
			return null;
		}
		return new WriteAccess(writable, operatorWritable, writeMin, writeMax);
	}

	/** Adds the fields that differ from the defaults to a stored document. */
	void putInto(Map<String, Object> map) {
		if (this.writable) {
			map.put("writable", true);
		}
		if (this.operatorWritable) {
			map.put("operatorWritable", true);
		}
		if (this.writeMin != null) {
			map.put("writeMin", this.writeMin);
		}
		if (this.writeMax != null) {
			map.put("writeMax", this.writeMax);
		}
	}

	/**
	 * The value a write request carries, checked against the channel's data type and
	 * limits: a JSON boolean for BOOL, a finite JSON number for the numeric types (a
	 * whole one for the integer types when scale is 1 and offset 0 is for the collector
	 * to judge), a string for STRING.
	 * @param value the request's {@code value} as JSON parsers give it (Boolean, Number,
	 * String, or anything else)
	 * @throws IllegalArgumentException saying what is wrong with the value
	 */
	public SampleValue check(DataType dataType, Object value) {
		if (value == null) {
			throw new IllegalArgumentException("is required");
		}
		return switch (dataType) {
			case BOOL -> {
				if (!(value instanceof Boolean b)) {
					throw new IllegalArgumentException("must be true or false for data type BOOL");
				}
				yield SampleValue.of(b);
			}
			case STRING -> {
				if (!(value instanceof String s)) {
					throw new IllegalArgumentException("must be a string for data type STRING");
				}
				if (s.length() > SampleValue.Text.MAX_LENGTH) {
					throw new IllegalArgumentException(
							"must be at most " + SampleValue.Text.MAX_LENGTH + " characters");
				}
				yield SampleValue.of(s);
			}
			default -> {
				if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
					throw new IllegalArgumentException("must be a finite number for data type " + dataType);
				}
				double number = n.doubleValue();
				if (this.writeMin != null && number < this.writeMin) {
					throw new IllegalArgumentException("must be at least writeMin " + this.writeMin);
				}
				if (this.writeMax != null && number > this.writeMax) {
					throw new IllegalArgumentException("must be at most writeMax " + this.writeMax);
				}
				yield SampleValue.of(number);
			}
		};
	}

}
