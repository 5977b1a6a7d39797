package io.parx.admin.channels;

/**
 * Order of the bytes inside a 16-bit register ({@code ABCD} is big-endian as the Modbus
 * Application Protocol §4.2 specifies) or of the registers of a multi-register value.
 */
public enum ByteOrder {

	ABCD, CDAB, BADC, DCBA

}
