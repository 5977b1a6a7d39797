package io.parx.admin.channels;

/** The value type of a channel, as the device delivers it before scale and offset. */
public enum DataType {

	BOOL(1), INT16(1), UINT16(1), INT32(2), UINT32(2), INT64(4), FLOAT32(2), FLOAT64(4), STRING(0);

	private final int registers;

	DataType(int registers) {
		this.registers = registers;
	}

	/**
	 * How many 16-bit Modbus registers one value occupies; 0 for {@link #STRING}, whose
	 * length is configured.
	 */
	public int registers() {
		return this.registers;
	}

	public boolean isNumeric() {
		return this != BOOL && this != STRING;
	}

}
