package io.parx.common.sample;

/**
 * Sample quality as a 32-bit OPC UA StatusCode (OPC UA Part 4 §7.39): the top two bits
 * are the severity, 00 good, 01 uncertain, 10 bad. OPC UA codes pass through unchanged;
 * other protocols map their errors to the codes below.
 */
public final class Quality {

	public static final int GOOD = 0;

	public static final int UNCERTAIN_LAST_USABLE_VALUE = 0x40900000;

	public static final int BAD = 0x80000000;

	public static final int BAD_COMMUNICATION_ERROR = 0x80050000;

	public static final int BAD_TIMEOUT = 0x800A0000;

	public static final int BAD_OUT_OF_RANGE = 0x803C0000;

	public static final int BAD_CONFIGURATION_ERROR = 0x80890000;

	public static final int BAD_NOT_CONNECTED = 0x808A0000;

	/**
	 * Bad_DecodingError: a payload (MQTT message, register content) that does not parse.
	 */
	public static final int BAD_DECODING_ERROR = 0x80070000;

	private static final int SEVERITY_MASK = 0xC0000000;

	private Quality() {
	}

	public static boolean isGood(int quality) {
		return (quality & SEVERITY_MASK) == 0;
	}

	public static boolean isUncertain(int quality) {
		return (quality & SEVERITY_MASK) == 0x40000000;
	}

	public static boolean isBad(int quality) {
		return (quality & 0x80000000) != 0;
	}

	/** The symbolic name of the codes ParX produces itself, else the hex code. */
	public static String name(int quality) {
		return switch (quality) {
			case GOOD -> "Good";
			case UNCERTAIN_LAST_USABLE_VALUE -> "Uncertain_LastUsableValue";
			case BAD -> "Bad";
			case BAD_COMMUNICATION_ERROR -> "Bad_CommunicationError";
			case BAD_TIMEOUT -> "Bad_Timeout";
			case BAD_OUT_OF_RANGE -> "Bad_OutOfRange";
			case BAD_CONFIGURATION_ERROR -> "Bad_ConfigurationError";
			case BAD_NOT_CONNECTED -> "Bad_NotConnected";
			case BAD_DECODING_ERROR -> "Bad_DecodingError";
			default -> String.format("0x%08X", quality);
		};
	}

}
