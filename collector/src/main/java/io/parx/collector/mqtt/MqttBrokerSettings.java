package io.parx.collector.mqtt;

import tools.jackson.core.JsonPointer;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

import io.parx.common.config.channel.SparkplugMetric;

/**
 * Settings of one broker that differ from the engine's defaults
 * ({@code parx.collector.mqtt.brokers[i]}): a plant's busy broker may need a larger
 * window or more connections than a quiet one, and only the plant knows whether its
 * publishers number their messages.
 *
 * @param url the broker URL exactly as the channels configure it ({@code brokerUrl});
 * compared without surrounding blanks and case-insensitively
 * @param receiveMaximum MQTT 5 Receive Maximum for this broker's connections;
 * {@code null} for the engine's {@code receive-maximum}
 * @param connections client connections to this broker; {@code null} for the engine's
 * {@code connections-per-broker}
 * @param sequenceProperty name of an MQTT 5 user property in which the publisher numbers
 * its messages per topic (1, 2, 3, ...); a jump counts the missing numbers in
 * {@code parx.collector.mqtt.sequence.gaps}, so loss before the collector (a broker
 * dropping for a full queue) becomes visible; {@code null} for none
 * @param sequencePointer the same number read from a JSON payload at this RFC 6901
 * pointer, for publishers that cannot set user properties; {@code null} for none
 * @param sparkplugHostId the Sparkplug B host application id under which the collector
 * announces itself on this broker: the retained {@code spBv1.0/STATE/<id>} message
 * (Sparkplug 3.0 §5.2, online on connect, offline as the Will), which edge nodes that
 * wait for their primary host watch; {@code null} for none
 */
public record MqttBrokerSettings(String url, Integer receiveMaximum, Integer connections, String sequenceProperty,
		String sequencePointer, String sparkplugHostId) {

	/** A broker without a Sparkplug B host id. */
	public MqttBrokerSettings(String url, Integer receiveMaximum, Integer connections, String sequenceProperty,
			String sequencePointer) {
		this(url, receiveMaximum, connections, sequenceProperty, sequencePointer, null);
	}

	@ConstructorBinding
	public MqttBrokerSettings {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("brokers[].url must name the broker URL its channels use");
		}
		if (receiveMaximum != null) {
			MqttSettings.checkReceiveMaximum(receiveMaximum);
		}
		if (connections != null) {
			MqttSettings.checkConnections(connections);
		}
		if (sequenceProperty != null && sequenceProperty.isBlank()) {
			sequenceProperty = null;
		}
		if (sequencePointer != null && sequencePointer.isBlank()) {
			sequencePointer = null;
		}
		if (sequenceProperty != null && sequencePointer != null) {
			throw new IllegalArgumentException(
					"brokers[" + url + "] sets both sequence-property and sequence-pointer; one source only");
		}
		if (sparkplugHostId != null && sparkplugHostId.isBlank()) {
			sparkplugHostId = null;
		}
		if (sparkplugHostId != null && SparkplugMetric.idProblem(sparkplugHostId) != null) {
			throw new IllegalArgumentException("brokers[" + url + "].sparkplug-host-id "
					+ SparkplugMetric.idProblem(sparkplugHostId) + ": " + sparkplugHostId);
		}
		if (sequencePointer != null) {
			try {
				JsonPointer.compile(sequencePointer);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"brokers[" + url + "].sequence-pointer is not a JSON pointer: " + sequencePointer);
			}
		}
	}

	boolean matches(String brokerUrl) {
		return this.url.trim().equalsIgnoreCase(brokerUrl.trim());
	}

}
