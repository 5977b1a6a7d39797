package io.parx.collector.modbus;

/**
 * The four Modbus data tables (Modbus Application Protocol V1.1b3 §4.3) with the largest
 * quantity one read may ask for (§6.1-6.4).
 */
enum RegisterType {

	COIL(2000, true), DISCRETE_INPUT(2000, true), INPUT_REGISTER(125, false), HOLDING_REGISTER(125, false);

	private final int maxPerRequest;

	private final boolean bit;

	RegisterType(int maxPerRequest, boolean bit) {
		this.maxPerRequest = maxPerRequest;
		this.bit = bit;
	}

	int maxPerRequest() {
		return this.maxPerRequest;
	}

	boolean isBit() {
		return this.bit;
	}

}
