package io.parx.collector.mqtt;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.sample.SampleValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an MQTT payload into the channel's value and source time. Pure logic: every
 * failure is a {@link PayloadException} whose message says why, so the engine can mark
 * the channel Bad_DecodingError with that reason.
 */
final class MqttPayloadParser {

	/** Longest payload parsed; larger ones are rejected rather than read into memory. */
	static final int MAX_PAYLOAD_BYTES = 256 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MqttPayloadParser() {
	}

	/**
	 * Parses one payload for one channel.
	 * @param channel the channel, with its format and pointers
	 * @param payload the message payload
	 * @param receivedAt the time of receipt, used when the channel has no timestamp
	 * pointer
	 * @return the value converted to the channel's data type (scaled) and its time
	 * @throws PayloadException if the payload does not fit the channel's settings
	 */
	static Reading parse(MqttChannel channel, byte[] payload, Instant receivedAt) {
		return parse(channel, new Payload(payload), receivedAt);
	}

	/**
	 * Parses one channel's reading from a message that several channels may read: the
	 * payload is decoded and parsed only once for all of them.
	 * @throws PayloadException if the payload does not fit the channel's settings
	 */
	static Reading parse(MqttChannel channel, Payload payload, Instant receivedAt) {
		ChannelConfig config = channel.config();
		return switch (channel.format()) {
			case NUMBER -> new Reading(convert(config, number(payload.text().strip())), receivedAt);
			case BOOLEAN -> new Reading(convert(config, bool(payload.text().strip())), receivedAt);
			case STRING -> new Reading(convert(config, payload.text()), receivedAt);
			case JSON -> json(channel, payload, receivedAt);
			// read by the edge node's births and data (SparkplugHost), not one payload
			case SPARKPLUG_B ->
				throw new PayloadException("a Sparkplug B metric is read from its edge node's messages");
		};
	}

	private static JsonNode document(String text) {
		JsonNode document;
		try {
			document = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			// the parser's location suffix names no useful source; keep the reason only
			String reason = ex.getOriginalMessage();
			int detail = reason.indexOf(" (start marker");
			throw new PayloadException("not JSON: " + ((detail > 0) ? reason.substring(0, detail) : reason));
		}
		if (document == null || document.isMissingNode()) {
			throw new PayloadException("empty payload");
		}
		return document;
	}

	private static Reading json(MqttChannel channel, Payload payload, Instant receivedAt) {
		JsonNode valueNode = payload.document().at(channel.valuePointer());
		Object raw;
		if (valueNode.isNumber()) {
			raw = valueNode.doubleValue();
		}
		else if (valueNode.isBoolean()) {
			raw = valueNode.booleanValue();
		}
		else if (valueNode.isString()) {
			raw = valueNode.stringValue();
		}
		else if (valueNode.isMissingNode()) {
			throw new PayloadException("no value at " + pointerText(channel.valuePointer().toString()));
		}
		else {
			throw new PayloadException("value at " + pointerText(channel.valuePointer().toString()) + " is "
					+ valueNode.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a number, boolean or string");
		}
		Instant time = receivedAt;
		if (channel.timestampPointer() != null) {
			time = payload.timestamp(channel.timestampPointer());
		}
		return new Reading(convert(channel.config(), raw), time);
	}

	private static Instant timestamp(JsonNode node, String pointer) {
		if (node.isIntegralNumber()) {
			return Instant.ofEpochMilli(node.longValue());
		}
		if (node.isNumber()) {
			double millis = node.doubleValue();
			long whole = (long) Math.floor(millis);
			return Instant.ofEpochMilli(whole).plusNanos(Math.round((millis - whole) * 1_000_000));
		}
		if (node.isString()) {
			String text = node.stringValue().strip();
			try {
				if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
					return Instant.ofEpochMilli(Long.parseLong(text));
				}
				return Instant.parse(text);
			}
			catch (DateTimeParseException | NumberFormatException ex) {
				throw new PayloadException("timestamp at " + pointerText(pointer)
						+ " is neither ISO-8601 with offset nor epoch milliseconds: " + abbreviate(text));
			}
		}
		if (node.isMissingNode()) {
			throw new PayloadException("no timestamp at " + pointerText(pointer));
		}
		throw new PayloadException("timestamp at " + pointerText(pointer) + " is not a string or number");
	}

	/** Converts a raw number, boolean or string to the channel's data type. */
	static SampleValue convert(ChannelConfig config, Object raw) {
		DataType type = config.dataType();
		if (type == DataType.STRING) {
			return SampleValue.of(switch (raw) {
				case Double d when d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ->
					Long.toString(d.longValue());
				default -> String.valueOf(raw);
			});
		}
		if (type == DataType.BOOL) {
			return SampleValue.of(switch (raw) {
				case Boolean b -> b;
				case Double d -> d != 0;
				case String s -> bool(s.strip());
				default -> throw new PayloadException("cannot convert " + raw + " to a boolean");
			});
		}
		double number = switch (raw) {
			case Double d -> d;
			case Boolean b -> b ? 1 : 0;
			case String s -> number(s.strip());
			default -> throw new PayloadException("cannot convert " + raw + " to a number");
		};
		return SampleValue.of(config.scaled(number));
	}

	/**
	 * A NUMBER payload's value.
	 * @throws PayloadException when the text is no number
	 */
	static double number(String text) {
		try {
			return new BigDecimal(text).doubleValue();
		}
		catch (NumberFormatException ex) {
			throw new PayloadException("not a number: " + abbreviate(text));
		}
	}

	/**
	 * A BOOLEAN payload's value.
	 * @throws PayloadException when the text is no boolean
	 */
	static boolean bool(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "1", "on" -> true;
			case "false", "0", "off" -> false;
			default -> throw new PayloadException("not a boolean (true/false, 1/0, on/off): " + abbreviate(text));
		};
	}

	private static String utf8(byte[] payload) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(payload))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new PayloadException("payload is not UTF-8");
		}
	}

	private static String pointerText(String pointer) {
		return pointer.isEmpty() ? "the document root" : pointer;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? "'" + text + "'" : "'" + text.substring(0, 40) + "…'";
	}

	/**
	 * One message's payload as the channels read it: decoded to text and parsed as JSON
	 * on first use, then shared. A gateway record with a hundred tags is one message read
	 * by a hundred channels; parsing it once per channel made the collector's cost grow
	 * with the square of the record's size. Not thread-safe: one message, one thread.
	 */
	static final class Payload {

		private final byte[] bytes;

		private String text;

		private JsonNode document;

		private PayloadException error;

		private PayloadException jsonError;

		/** The last timestamp read, by its pointer: a record's channels share one. */
		private JsonPointer timePointer;

		private Instant time;

		private PayloadException timeError;

		Payload(byte[] bytes) {
			this.bytes = bytes;
		}

		String text() {
			if (this.text == null && this.error == null) {
				try {
					if (this.bytes.length > MAX_PAYLOAD_BYTES) {
						throw new PayloadException(
								"payload of " + this.bytes.length + " bytes exceeds " + MAX_PAYLOAD_BYTES);
					}
					this.text = utf8(this.bytes);
				}
				catch (PayloadException ex) {
					this.error = ex;
				}
			}
			if (this.error != null) {
				throw this.error;
			}
			return this.text;
		}

		JsonNode document() {
			if (this.document == null && this.jsonError == null) {
				String decoded = text();
				try {
					this.document = MqttPayloadParser.document(decoded);
				}
				catch (PayloadException ex) {
					this.jsonError = ex;
				}
			}
			if (this.jsonError != null) {
				throw this.jsonError;
			}
			return this.document;
		}

		/**
		 * The source time at {@code pointer}, read once for all channels of the record
		 * that take their time from the same place (a gateway record usually has one time
		 * for all its tags).
		 */
		Instant timestamp(JsonPointer pointer) {
			if (!pointer.equals(this.timePointer)) {
				JsonNode node = document().at(pointer);
				this.timePointer = pointer;
				this.time = null;
				this.timeError = null;
				try {
					this.time = MqttPayloadParser.timestamp(node, pointer.toString());
				}
				catch (PayloadException ex) {
					this.timeError = ex;
				}
			}
			if (this.timeError != null) {
				throw this.timeError;
			}
			return this.time;
		}

	}

	/**
	 * A parsed payload.
	 *
	 * @param value the value in the channel's data type
	 * @param time the source time
	 */
	record Reading(SampleValue value, Instant time) {

	}

	/** A payload that does not fit the channel's settings; the message is the reason. */
	static final class PayloadException extends RuntimeException {

		PayloadException(String message) {
			super(message, null, false, false);
		}

	}

}
