package io.parx.collector.mqtt;

import java.util.HashMap;
import java.util.Map;

import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import io.parx.collector.mqtt.MqttPayloadParser.Payload;

/**
 * Detects messages lost before they reached the collector. A broker that drops messages
 * for a full queue (Mosquitto: {@code max_queued_messages}) tells only its own log; when
 * the publisher numbers its messages per topic (1, 2, 3, ... in a user property or in the
 * JSON payload, {@link MqttBrokerSettings#sequenceProperty()}), a jump in the numbers is
 * the loss, counted end to end where it matters. A number at or below the topic's highest
 * is a redelivery (at least once) or a reordering; 1 starts the count again (the
 * publisher restarted). Runs on the intake thread only.
 */
final class SequenceWatch {

	/** Highest number seen per topic. */
	private final Map<String, Long> highest = new HashMap<>();

	private final Counter gaps;

	private final Counter outOfOrder;

	SequenceWatch(MeterRegistry registry) {
		this.gaps = Counter.builder("parx.collector.mqtt.sequence.gaps")
			.description("MQTT messages missing by the publisher's sequence numbers (lost before the collector)")
			.register(registry);
		this.outOfOrder = Counter.builder("parx.collector.mqtt.sequence.out.of.order")
			.description("MQTT messages whose sequence number is not above the topic's last one "
					+ "(redelivered after a reconnect, or reordered)")
			.register(registry);
	}

	/** Checks one message's number, if its broker's publishers send one. */
	void observe(MqttBrokerSettings broker, Mqtt5Publish publish, Payload payload) {
		long sequence = sequence(broker, publish, payload);
		if (sequence < 0) {
			return;
		}
		String topic = publish.getTopic().toString();
		Long highest = this.highest.get(topic);
		if (highest == null || sequence > highest || sequence == 1) {
			// 1 again: the publisher restarted its count, which is no loss
			this.highest.put(topic, sequence);
		}
		if (highest == null || sequence == 1) {
			return;
		}
		if (sequence > highest + 1) {
			this.gaps.increment(sequence - highest - 1);
		}
		else if (sequence <= highest) {
			this.outOfOrder.increment();
		}
	}

	/** The message's number, or -1 when it carries none. */
	static long sequence(MqttBrokerSettings broker, Mqtt5Publish publish, Payload payload) {
		if (broker.sequenceProperty() != null) {
			for (Mqtt5UserProperty property : publish.getUserProperties().asList()) {
				if (property.getName().toString().equals(broker.sequenceProperty())) {
					return parse(property.getValue().toString());
				}
			}
			return -1;
		}
		if (broker.sequencePointer() != null) {
			try {
				JsonNode node = payload.document().at(broker.sequencePointer());
				return node.isIntegralNumber() ? node.asLong() : (node.isString() ? parse(node.stringValue()) : -1);
			}
			catch (RuntimeException ex) {
				// a payload that is not JSON is the channel's problem, reported there
				return -1;
			}
		}
		return -1;
	}

	private static long parse(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
