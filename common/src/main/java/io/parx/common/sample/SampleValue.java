package io.parx.common.sample;

import java.util.Objects;

/**
 * The value of a sample: a number, a boolean or a string (docs/CONTRACTS.md, "The
 * sample"). Integer data types travel as numbers; a double represents every 32-bit value
 * exactly and 64-bit values up to 2^53.
 */
public sealed interface SampleValue {

	/**
	 * This value as a number, the way formulas see it: true is 1, false is 0, text is
	 * NaN.
	 */
	double asDouble();

	static SampleValue of(double value) {
		return new Numeric(value);
	}

	static SampleValue of(boolean value) {
		return value ? Bool.TRUE : Bool.FALSE;
	}

	static SampleValue of(String value) {
		return new Text(value);
	}

	record Numeric(double value) implements SampleValue {

		@Override
		public double asDouble() {
			return this.value;
		}

	}

	record Bool(boolean value) implements SampleValue {

		static final Bool TRUE = new Bool(true);

		static final Bool FALSE = new Bool(false);

		@Override
		public double asDouble() {
			return this.value ? 1 : 0;
		}

	}

	record Text(String value) implements SampleValue {

		/**
		 * Longest string a sample carries, in UTF-16 units; Modbus strings and OPC UA
		 * tags are far shorter.
		 */
		public static final int MAX_LENGTH = 65_535;

		public Text {
			Objects.requireNonNull(value, "value");
			if (value.length() > MAX_LENGTH) {
				throw new IllegalArgumentException("text value longer than " + MAX_LENGTH + " characters");
			}
		}

		@Override
		public double asDouble() {
			return Double.NaN;
		}

	}

}
