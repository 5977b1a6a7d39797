package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.RawValue;
import io.parx.collector.engine.ReadResult;
import io.parx.common.config.Installation;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;
import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A write to an MQTT channel: publishes the value once to the channel's
 * {@code writeTopic}, in its payload format and at its QoS (for Sparkplug B: an NCMD or
 * DCMD with the metric by name, typed by the channel's data type), with a temporary
 * clean-session client (the running subscription's connection and session stay
 * untouched). The write is done when the broker has accepted it (PUBACK for QoS 1,
 * PUBCOMP for QoS 2); whether a device acts on it shows in the channel's next reading.
 */
final class MqttWrite {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MqttWrite() {
	}

	static ReadResult write(ChannelConfig config, MqttSettings settings, Installation installation, SampleValue value,
			Duration timeout) {
		long start = System.nanoTime();
		MqttBroker broker;
		io.parx.common.config.channel.MqttSettings contract;
		byte[] payload;
		String topic;
		try {
			broker = MqttBroker.of(config, settings, installation);
			contract = io.parx.common.config.channel.MqttSettings.fromJson(config.settingsMap(), config.dataType());
			if (contract.sparkplug() != null) {
				topic = SparkplugPayloads.commandTopic(contract.sparkplug());
				payload = SparkplugPayloads.write(config, contract.sparkplug(), RawValue.of(config, value));
			}
			else if (contract.writeTopic() == null) {
				throw new IllegalArgumentException("the channel has no writeTopic");
			}
			else {
				topic = contract.writeTopic();
				payload = payload(contract.payloadFormat(), contract.valuePointer(), RawValue.of(config, value));
			}
		}
		catch (IllegalArgumentException ex) {
			return ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, elapsed(start), ex.getMessage());
		}
		TemporaryClient connected = TemporaryClient.connect(broker, settings, "write", start, timeout);
		if (connected.failure() != null) {
			return connected.failure();
		}
		Mqtt5AsyncClient client = connected.client();
		long deadline = start + timeout.toNanos();
		try {
			client.publishWith()
				.topic(topic)
				// Sparkplug 3.0 §4.2: commands are QoS 0
				.qos((contract.sparkplug() != null) ? MqttQos.AT_MOST_ONCE : MqttQos.fromCode(contract.qos()))
				.payload(payload)
				.send()
				.get(remaining(deadline), TimeUnit.NANOSECONDS);
			return ReadResult.good(value, elapsed(start));
		}
		catch (TimeoutException ex) {
			return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start),
					"the broker did not acknowledge the publish to " + topic + " within " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			return ReadResult.failed(Quality.BAD_COMMUNICATION_ERROR, elapsed(start),
					"publish to " + topic + " failed: " + MqttConnection.message(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start), "interrupted");
		}
		finally {
			client.disconnect();
		}
	}

	/**
	 * The payload the channel would read back as the value: the number, boolean or text
	 * as UTF-8, or for JSON the value at the channel's {@code valuePointer} of an
	 * otherwise empty document (the bare value without a pointer).
	 */
	static byte[] payload(PayloadFormat format, String valuePointer, Object raw) {
		String text = switch (format) {
			case NUMBER, BOOLEAN, STRING -> plain(raw);
			case JSON -> JSON.writeValueAsString(json(valuePointer, raw));
			case SPARKPLUG_B ->
				throw new IllegalArgumentException("a Sparkplug B write is a command, see SparkplugPayloads");
		};
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String plain(Object raw) {
		return switch (raw) {
			case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
			default -> String.valueOf(raw);
		};
	}

	private static JsonNode json(String valuePointer, Object raw) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		JsonNode value = switch (raw) {
			case Boolean b -> nodes.booleanNode(b);
			case Long l -> nodes.numberNode(l);
			case Double d -> nodes.numberNode(d);
			default -> nodes.stringNode(String.valueOf(raw));
		};
		JsonPointer pointer = (valuePointer != null) ? JsonPointer.compile(valuePointer) : JsonPointer.empty();
		if (pointer.matches()) {
			return value;
		}
		ObjectNode root = nodes.objectNode();
		ObjectNode parent = root;
		while (!pointer.tail().matches()) {
			parent = parent.putObject(pointer.getMatchingProperty());
			pointer = pointer.tail();
		}
		parent.set(pointer.getMatchingProperty(), value);
		return root;
	}

	private static long remaining(long deadline) {
		return Math.max(1, deadline - System.nanoTime());
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
