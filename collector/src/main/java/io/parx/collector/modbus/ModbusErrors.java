package io.parx.collector.modbus;

import io.parx.common.sample.Quality;

/**
 * Maps Modbus exception responses (Modbus Application Protocol §7) to StatusCodes and
 * readable reasons.
 */
final class ModbusErrors {

	private ModbusErrors() {
	}

	static int quality(int exceptionCode) {
		return switch (exceptionCode) {
			case 1 -> Quality.BAD_CONFIGURATION_ERROR; // illegal function
			case 2, 3 -> Quality.BAD_OUT_OF_RANGE; // illegal data address / value
			default -> Quality.BAD_COMMUNICATION_ERROR; // device failure, busy, gateway
		};
	}

	static String reason(int exceptionCode) {
		return switch (exceptionCode) {
			case 1 -> "exception 01: illegal function";
			case 2 -> "exception 02: illegal data address";
			case 3 -> "exception 03: illegal data value";
			case 4 -> "exception 04: server device failure";
			case 6 -> "exception 06: server device busy";
			case 10 -> "exception 0A: gateway path unavailable";
			case 11 -> "exception 0B: gateway target device failed to respond";
			default -> "exception " + exceptionCode;
		};
	}

	/**
	 * The reason of a failed transaction without j2mod's retry count ("tried 5 times"),
	 * which says nothing about the device.
	 */
	static String describe(Exception failure) {
		String message = String.valueOf(failure.getMessage());
		return message.replaceAll("\\s*\\(tried \\d+ times?\\)", "");
	}

}
