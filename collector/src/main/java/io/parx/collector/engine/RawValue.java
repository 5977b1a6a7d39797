package io.parx.collector.engine;

import io.parx.common.config.DataType;
import io.parx.common.sample.SampleValue;

/**
 * The value a device stores for a value written in engineering units: scale and offset
 * undone ({@code (value - offset) / scale}), rounded to a whole number for the integer
 * types and checked against the range of the channel's data type, so that a write never
 * wraps around (40000 into an INT16 is refused, not sent as -25536).
 */
public final class RawValue {

	private RawValue() {
	}

	/**
	 * @return a Boolean (BOOL), String (STRING), Long (integer types) or Double (FLOAT32,
	 * FLOAT64)
	 * @throws IllegalArgumentException when the value does not fit the data type or is of
	 * another kind
	 */
	public static Object of(ChannelConfig channel, SampleValue value) {
		DataType type = channel.dataType();
		switch (type) {
			case BOOL -> {
				if (value instanceof SampleValue.Bool bool) {
					return bool.value();
				}
				throw new IllegalArgumentException("must be true or false for data type BOOL");
			}
			case STRING -> {
				if (value instanceof SampleValue.Text text) {
					return text.value();
				}
				throw new IllegalArgumentException("must be a string for data type STRING");
			}
			default -> {
			}
		}
		if (!(value instanceof SampleValue.Numeric numeric) || !Double.isFinite(numeric.value())) {
			throw new IllegalArgumentException("must be a finite number for data type " + type);
		}
		if (channel.scale() == 0) {
			throw new IllegalArgumentException("cannot be written: the channel's scale is 0, which cannot be undone");
		}
		double raw = (numeric.value() - channel.offset()) / channel.scale();
		return switch (type) {
			case INT16 -> whole(raw, Short.MIN_VALUE, Short.MAX_VALUE, type);
			case UINT16 -> whole(raw, 0, 0xFFFF, type);
			case INT32 -> whole(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
			case UINT32 -> whole(raw, 0, 0xFFFF_FFFFL, type);
			// a double holds whole numbers exactly up to 2^53; beyond that INT64 is
			// refused rather than rounded to a neighbour
			case INT64 -> whole(raw, -(1L << 53), 1L << 53, type);
			case FLOAT32 -> {
				if (Math.abs(raw) > Float.MAX_VALUE) {
					throw new IllegalArgumentException(outOfRange(raw, -Float.MAX_VALUE, Float.MAX_VALUE, type));
				}
				yield raw;
			}
			case FLOAT64 -> raw;
			case BOOL, STRING -> throw new IllegalStateException("handled above");
		};
	}

	private static long whole(double raw, long min, long max, DataType type) {
		long rounded = Math.round(raw);
		if (raw < min - 0.5 || raw > max + 0.5 || rounded < min || rounded > max) {
			throw new IllegalArgumentException(outOfRange(raw, min, max, type));
		}
		return rounded;
	}

	private static String outOfRange(double raw, double min, double max, DataType type) {
		return "is " + raw + " on the device after scale and offset are undone, outside " + type + " ("
				+ ((type == DataType.FLOAT32) ? "±" + Float.MAX_VALUE : (long) min + " to " + (long) max) + ")";
	}

}
