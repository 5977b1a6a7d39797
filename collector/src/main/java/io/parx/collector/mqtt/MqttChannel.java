package io.parx.collector.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;
import io.parx.common.config.channel.SparkplugMetric;

/**
 * A channel as the MQTT engine runs it, its settings read and validated with the contract
 * ({@link io.parx.common.config.channel.MqttSettings}).
 *
 * @param config the channel configuration
 * @param topicFilter the topic filter, wildcards {@code +} and {@code #} allowed
 * @param qos the subscription QoS
 * @param format how the payload carries the value
 * @param valuePointer JSON Pointer to the value (JSON only; the whole document when
 * empty)
 * @param timestampPointer JSON Pointer to the source timestamp, or {@code null} to use
 * the time of receipt
 * @param sparkplug the Sparkplug B metric the channel reads (format {@code SPARKPLUG_B};
 * its topic filter is then the edge node's subscription), or {@code null}
 */
record MqttChannel(ChannelConfig config, MqttTopicFilter topicFilter, MqttQos qos, PayloadFormat format,
		JsonPointer valuePointer, JsonPointer timestampPointer, SparkplugMetric sparkplug) {

	/**
	 * Reads the channel's settings with the contract the admin-api writes them with.
	 * @throws IllegalArgumentException naming every bad field
	 */
	static MqttChannel of(ChannelConfig config) {
		io.parx.common.config.channel.MqttSettings settings = io.parx.common.config.channel.MqttSettings
			.fromJson(config.settingsMap(), config.dataType());
		MqttTopicFilter filter;
		try {
			filter = MqttTopicFilter.of(settings.topic());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("topic is not a valid topic filter: " + ex.getMessage());
		}
		MqttQos qos = MqttQos.fromCode(settings.qos());
		JsonPointer valuePointer = pointer("valuePointer", settings.valuePointer(), JsonPointer.empty());
		JsonPointer timestampPointer = pointer("timestampPointer", settings.timestampPointer(), null);
		return new MqttChannel(config, filter, qos, settings.payloadFormat(), valuePointer, timestampPointer,
				settings.sparkplug());
	}

	long id() {
		return this.config.id();
	}

	private static JsonPointer pointer(String field, String text, JsonPointer absent) {
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
