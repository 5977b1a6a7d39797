package io.parx.collector.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.config.Installation;
import io.parx.common.config.channel.Protocol;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds MQTT channel configurations for tests. */
final class MqttChannelFixture {

	/**
	 * The installation of the tests' engines (part of the default client ids): one per
	 * test JVM, so concurrent runs on one broker never take each other's sessions over.
	 */
	static final Installation INSTALLATION = Installation.fixed(UUID.randomUUID().toString());

	private final long id;

	private DataType dataType = DataType.FLOAT64;

	private double scale = 1;

	private double offset;

	private final ObjectNode settings = JsonNodeFactory.instance.objectNode();

	private MqttChannelFixture(long id) {
		this.id = id;
		this.settings.put("brokerUrl", "tcp://127.0.0.1:1883");
		this.settings.put("qos", 1);
		this.settings.put("payloadFormat", "NUMBER");
		this.settings.put("topic", "parx-test/default");
	}

	static MqttChannelFixture channel(long id) {
		return new MqttChannelFixture(id);
	}

	MqttChannelFixture broker(String brokerUrl) {
		this.settings.put("brokerUrl", brokerUrl);
		return this;
	}

	MqttChannelFixture clientId(String clientId) {
		this.settings.put("clientId", clientId);
		return this;
	}

	MqttChannelFixture topic(String topic) {
		this.settings.put("topic", topic);
		return this;
	}

	MqttChannelFixture qos(int qos) {
		this.settings.put("qos", qos);
		return this;
	}

	MqttChannelFixture format(String format) {
		this.settings.put("payloadFormat", format);
		return this;
	}

	/** A Sparkplug B metric of an edge node ({@code deviceId} {@code null}) or device. */
	MqttChannelFixture sparkplug(String groupId, String edgeNodeId, String deviceId, String metricName) {
		this.settings.remove("topic");
		this.settings.put("payloadFormat", "SPARKPLUG_B");
		this.settings.put("groupId", groupId);
		this.settings.put("edgeNodeId", edgeNodeId);
		if (deviceId != null) {
			this.settings.put("deviceId", deviceId);
		}
		this.settings.put("metricName", metricName);
		return this;
	}

	MqttChannelFixture writable() {
		this.settings.put("writable", true);
		return this;
	}

	MqttChannelFixture valuePointer(String pointer) {
		this.settings.put("valuePointer", pointer);
		return this;
	}

	MqttChannelFixture timestampPointer(String pointer) {
		this.settings.put("timestampPointer", pointer);
		return this;
	}

	MqttChannelFixture setting(String name, String value) {
		this.settings.put(name, value);
		return this;
	}

	MqttChannelFixture without(String name) {
		this.settings.remove(name);
		return this;
	}

	MqttChannelFixture dataType(DataType dataType) {
		this.dataType = dataType;
		return this;
	}

	MqttChannelFixture scaled(double scale, double offset) {
		this.scale = scale;
		this.offset = offset;
		return this;
	}

	ChannelConfig build() {
		return new ChannelConfig(this.id, "mqtt-" + this.id, this.dataType, this.scale, this.offset,
				Duration.ofSeconds(1), true, null, List.of(), Protocol.MQTT, this.settings.deepCopy(), 1);
	}

	MqttChannel compile() {
		return MqttChannel.of(build());
	}

}
