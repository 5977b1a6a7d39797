package io.parx.collector.modbus;

/**
 * How the bytes of a multi-register value are laid out, named after the position of the
 * big-endian bytes A (most significant) to D: ABCD big-endian, DCBA little-endian, BADC
 * bytes swapped within each register, CDAB registers swapped.
 */
enum ByteLayout {

	ABCD(false, false), CDAB(false, true), BADC(true, false), DCBA(true, true);

	private final boolean swapBytes;

	private final boolean swapWords;

	ByteLayout(boolean swapBytes, boolean swapWords) {
		this.swapBytes = swapBytes;
		this.swapWords = swapWords;
	}

	boolean swapBytes() {
		return this.swapBytes;
	}

	boolean swapWords() {
		return this.swapWords;
	}

}
