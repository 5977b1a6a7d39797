package io.parx.collector.opcua;

import java.time.Duration;
import java.util.List;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds OPC UA channel configurations for tests. */
final class OpcUaChannelFixture {

	private final long id;

	private DataType dataType = DataType.FLOAT64;

	private double scale = 1;

	private double offset;

	private final ObjectNode settings = JsonNodeFactory.instance.objectNode();

	private OpcUaChannelFixture(long id) {
		this.id = id;
		this.settings.put("endpointUrl", "opc.tcp://127.0.0.1:4840/parx");
		this.settings.put("nodeId", "ns=2;s=Temperature");
		this.settings.put("samplingIntervalMs", 50);
	}

	static OpcUaChannelFixture channel(long id) {
		return new OpcUaChannelFixture(id);
	}

	static OpcUaChannelFixture channel(long id, TestOpcUaServer server, String variable) {
		return channel(id).endpoint(server.url()).node(server.nodeId(variable));
	}

	OpcUaChannelFixture endpoint(String url) {
		this.settings.put("endpointUrl", url);
		return this;
	}

	OpcUaChannelFixture node(String nodeId) {
		this.settings.put("nodeId", nodeId);
		return this;
	}

	OpcUaChannelFixture security(String policy, String mode) {
		this.settings.put("securityPolicy", policy);
		this.settings.put("securityMode", mode);
		return this;
	}

	OpcUaChannelFixture user(String username, String password) {
		this.settings.put("authentication", "USERNAME");
		this.settings.put("username", username);
		this.settings.put("password", password);
		return this;
	}

	OpcUaChannelFixture setting(String name, int value) {
		this.settings.put(name, value);
		return this;
	}

	OpcUaChannelFixture setting(String name, double value) {
		this.settings.put(name, value);
		return this;
	}

	OpcUaChannelFixture setting(String name, String value) {
		this.settings.put(name, value);
		return this;
	}

	OpcUaChannelFixture without(String name) {
		this.settings.remove(name);
		return this;
	}

	OpcUaChannelFixture dataType(DataType dataType) {
		this.dataType = dataType;
		return this;
	}

	OpcUaChannelFixture scaled(double scale, double offset) {
		this.scale = scale;
		this.offset = offset;
		return this;
	}

	ChannelConfig build() {
		return new ChannelConfig(this.id, "opcua-" + this.id, this.dataType, this.scale, this.offset,
				Duration.ofSeconds(1), true, null, List.of(), Protocol.OPCUA, this.settings.deepCopy(), 1);
	}

}
