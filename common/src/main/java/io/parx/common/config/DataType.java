package io.parx.common.config;

/**
 * The data type of a channel's value as the device delivers it, before scale and offset
 * (config schema V1, column {@code data_type}): what the admin-api accepts and the
 * collector decodes. For Modbus it also fixes how many registers the value occupies.
 */
public enum DataType {

	BOOL(1), INT16(1), UINT16(1), INT32(2), UINT32(2), INT64(4), FLOAT32(2), FLOAT64(4), STRING(0);

	private final int registers;

	DataType(int registers) {
		this.registers = registers;
	}

	/**
	 * Number of 16-bit registers a value occupies; 0 for {@link #STRING}, whose length is
	 * configured per channel.
	 */
	public int registers() {
		return this.registers;
	}

	public boolean isNumeric() {
		return this != BOOL && this != STRING;
	}

}
