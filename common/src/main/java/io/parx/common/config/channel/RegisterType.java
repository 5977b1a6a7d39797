package io.parx.common.config.channel;

/**
 * The four Modbus data tables (Modbus Application Protocol V1.1b3 §4.3), read with
 * function code 1, 2, 3 or 4, with the largest quantity one read may ask for (§6.1-6.4).
 */
public enum RegisterType {

	COIL("0", 2000), DISCRETE_INPUT("1", 2000), INPUT_REGISTER("3", 125), HOLDING_REGISTER("4", 125);

	private final String referencePrefix;

	private final int maxPerRequest;

	RegisterType(String referencePrefix, int maxPerRequest) {
		this.referencePrefix = referencePrefix;
		this.maxPerRequest = maxPerRequest;
	}

	/** The first digit of the 1-based six-digit Modicon reference. */
	public String referencePrefix() {
		return this.referencePrefix;
	}

	/** The most registers (or bits) one read of this table may ask for. */
	public int maxPerRequest() {
		return this.maxPerRequest;
	}

	/** Coils and discrete inputs hold single bits. */
	public boolean isBit() {
		return this == COIL || this == DISCRETE_INPUT;
	}

}
