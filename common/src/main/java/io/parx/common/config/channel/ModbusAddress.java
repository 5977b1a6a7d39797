package io.parx.common.config.channel;

/**
 * Where a Modbus value lives: the register table and the 0-based address used on the wire
 * (the PDU address of the Modbus Application Protocol §4.4). The conventional 1-based
 * six-digit "Modicon" reference is {@link #reference()}: holding register 0 is 400001.
 *
 * @param registerType the table read with function code 1, 2, 3 or 4
 * @param address 0-based address of the first register or bit
 * @param count how many registers (or bits) one value spans
 */
public record ModbusAddress(RegisterType registerType, int address, int count) {

	/** Largest address of the 16-bit address space. */
	public static final int MAX_ADDRESS = 65535;

	public ModbusAddress {
		if (registerType == null) {
			throw new IllegalArgumentException("register type is required");
		}
		if (address < 0 || address > MAX_ADDRESS) {
			throw new IllegalArgumentException("must be between 0 and " + MAX_ADDRESS + " (0-based)");
		}
		if (count < 1) {
			throw new IllegalArgumentException("must span at least one register");
		}
		if (address + count - 1 > MAX_ADDRESS) {
			throw new IllegalArgumentException(
					"the value spans " + count + " registers and runs past address " + MAX_ADDRESS + " (0-based)");
		}
	}

	/** The 1-based six-digit Modicon reference, e.g. 400001 for holding register 0. */
	public String reference() {
		return registerType.referencePrefix() + String.format("%05d", this.address + 1);
	}

}
