package io.parx.collector.mqtt;

/**
 * How an MQTT message payload carries the value (channel setting {@code payloadFormat}).
 */
enum PayloadFormat {

	/** The payload is a number in UTF-8 text, e.g. {@code 21.5}. */
	NUMBER,

	/**
	 * The payload is {@code true}/{@code false}, {@code 1}/{@code 0} or
	 * {@code on}/{@code off}.
	 */
	BOOLEAN,

	/** The payload is UTF-8 text, taken as is. */
	STRING,

	/**
	 * The payload is a JSON document; the value (and optionally the timestamp) are found
	 * by JSON Pointer (RFC 6901).
	 */
	JSON

}
