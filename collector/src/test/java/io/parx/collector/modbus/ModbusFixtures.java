package io.parx.collector.modbus;

import java.time.Duration;
import java.util.List;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds Modbus channels for tests. */
final class ModbusFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ModbusFixtures() {
	}

	static Builder channel(long id, DataType type, int address) {
		return new Builder(id, type, address);
	}

	static final class Builder {

		private final long id;

		private final DataType type;

		private final ObjectNode settings = JSON.createObjectNode();

		private double scale = 1;

		private double offset = 0;

		private Duration interval = Duration.ofMillis(100);

		Builder(long id, DataType type, int address) {
			this.id = id;
			this.type = type;
			this.settings.put("host", "127.0.0.1").put("port", 502).put("unitId", 1).put("address", address);
			this.settings.put("registerType", "HOLDING_REGISTER");
		}

		Builder device(int port) {
			this.settings.put("port", port);
			return this;
		}

		Builder table(String registerType) {
			this.settings.put("registerType", registerType);
			return this;
		}

		Builder order(String byteOrder) {
			this.settings.put("byteOrder", byteOrder);
			return this;
		}

		Builder wordOrder(String wordOrder) {
			this.settings.put("wordOrder", wordOrder);
			return this;
		}

		Builder stringLength(int registers) {
			this.settings.put("stringLength", registers);
			return this;
		}

		Builder scale(double scale, double offset) {
			this.scale = scale;
			this.offset = offset;
			return this;
		}

		Builder interval(Duration interval) {
			this.interval = interval;
			return this;
		}

		Builder set(String field, int value) {
			this.settings.put(field, value);
			return this;
		}

		ChannelConfig build() {
			JsonNode copy = this.settings.deepCopy();
			return new ChannelConfig(this.id, "mb-" + this.id, this.type, this.scale, this.offset, this.interval, true,
					null, List.of(), Protocol.MODBUS_TCP, copy, 1);
		}

		ModbusPoint point() {
			return ModbusPoint.of(build());
		}

	}

}
