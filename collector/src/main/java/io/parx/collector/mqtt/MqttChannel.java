package io.parx.collector.mqtt;

import java.util.Locale;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

import io.parx.collector.channels.ChannelConfig;

/**
 * A channel as the MQTT engine runs it, its settings validated (config schema V1, MQTT:
 * {@code brokerUrl, clientId, username, password, topic, qos, payloadFormat,
 * valuePointer, timestampPointer}).
 *
 * @param config the channel configuration
 * @param topicFilter the topic filter, wildcards {@code +} and {@code #} allowed
 * @param qos the subscription QoS
 * @param format how the payload carries the value
 * @param valuePointer JSON Pointer to the value (JSON only; the whole document when
 * empty)
 * @param timestampPointer JSON Pointer to the source timestamp, or {@code null} to use
 * the time of receipt
 */
record MqttChannel(ChannelConfig config, MqttTopicFilter topicFilter, MqttQos qos, PayloadFormat format,
		JsonPointer valuePointer, JsonPointer timestampPointer) {

	static MqttChannel of(ChannelConfig config) {
		JsonNode settings = config.settings();
		String topic = text(settings, "topic");
		if (topic == null) {
			throw new IllegalArgumentException("topic is required");
		}
		MqttTopicFilter filter;
		try {
			filter = MqttTopicFilter.of(topic);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("topic is not a valid topic filter: " + ex.getMessage());
		}
		JsonNode qosNode = settings.get("qos");
		int qosValue = (qosNode == null || qosNode.isNull()) ? 1 : qosNode.asInt(-1);
		MqttQos qos = MqttQos.fromCode(qosValue);
		if (qos == null) {
			throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qosNode);
		}
		String formatName = text(settings, "payloadFormat");
		PayloadFormat format;
		try {
			format = (formatName != null) ? PayloadFormat.valueOf(formatName.toUpperCase(Locale.ROOT))
					: PayloadFormat.NUMBER;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"payloadFormat must be NUMBER, BOOLEAN, STRING or JSON, was " + formatName);
		}
		JsonPointer valuePointer = pointer(settings, "valuePointer", JsonPointer.empty());
		JsonPointer timestampPointer = pointer(settings, "timestampPointer", null);
		return new MqttChannel(config, filter, qos, format, valuePointer, timestampPointer);
	}

	long id() {
		return this.config.id();
	}

	private static JsonPointer pointer(JsonNode settings, String field, JsonPointer absent) {
		String text = text(settings, field);
		if (text == null) {
			return absent;
		}
		try {
			return JsonPointer.compile(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(field + " is not a JSON Pointer (RFC 6901): " + text);
		}
	}

	/** A non-blank text field of the settings, or {@code null}. */
	static String text(JsonNode settings, String field) {
		JsonNode node = settings.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		String value = node.asString();
		return (value == null || value.isBlank()) ? null : value;
	}

}
