package io.parx.common.config.channel;

/**
 * Order of the bytes of a Modbus value, named after the position of the big-endian bytes
 * A (most significant) to D: {@code ABCD} big-endian as the Modbus Application Protocol
 * §4.2 specifies, {@code DCBA} little-endian, {@code BADC} bytes swapped within each
 * register, {@code CDAB} registers swapped.
 */
public enum ByteOrder {

	ABCD(false, false), CDAB(false, true), BADC(true, false), DCBA(true, true);

	private final boolean swapBytes;

	private final boolean swapWords;

	ByteOrder(boolean swapBytes, boolean swapWords) {
		this.swapBytes = swapBytes;
		this.swapWords = swapWords;
	}

	/** Whether the two bytes of each register are swapped. */
	public boolean swapBytes() {
		return this.swapBytes;
	}

	/** Whether the registers of a multi-register value come least significant first. */
	public boolean swapWords() {
		return this.swapWords;
	}

}
