package io.parx.collector.modbus;

import java.util.Locale;

import io.parx.collector.channels.ChannelConfig;
import io.parx.common.config.DataType;
import tools.jackson.databind.JsonNode;

/**
 * Where and how a channel lives on its device, validated from the channel's MODBUS_TCP
 * settings (config schema V1): an invalid point cannot be built.
 *
 * @param channel the channel
 * @param device the device
 * @param type data table
 * @param address 0-based address of the first register or bit
 * @param count registers (or bits) the value occupies
 * @param bytes byte layout within the value
 * @param swapWords whether registers come least significant first
 * @param timeoutMs request timeout for the device, or 0 for the default
 * @param maxPerRequest per-device lower request limit, or 0 for the protocol limit
 * @param maxGap registers (bits) that may be read needlessly to merge two requests, or -1
 * for the default
 */
record ModbusPoint(ChannelConfig channel, DeviceKey device, RegisterType type, int address, int count, ByteLayout bytes,
		boolean swapWords, int timeoutMs, int maxPerRequest, int maxGap) {

	ModbusPoint {
		if (address < 0 || address + count > 65536) {
			throw new IllegalArgumentException("address must be 0-65535 and the value must end inside the table");
		}
		if (count < 1 || count > type.maxPerRequest()) {
			throw new IllegalArgumentException("a value must occupy 1-" + type.maxPerRequest() + " "
					+ (type.isBit() ? "bits" : "registers") + ", was " + count);
		}
	}

	static ModbusPoint of(ChannelConfig channel) {
		JsonNode s = channel.settings();
		DeviceKey device = new DeviceKey(s.path("host").asString(""), s.path("port").asInt(502),
				s.path("unitId").asInt(1));
		RegisterType type = RegisterType
			.valueOf(s.path("registerType").asString("HOLDING_REGISTER").toUpperCase(Locale.ROOT));
		int count;
		if (type.isBit()) {
			if (channel.dataType() == DataType.STRING) {
				throw new IllegalArgumentException("a " + type + " cannot hold a STRING");
			}
			count = 1;
		}
		else {
			count = (channel.dataType() == DataType.STRING) ? s.path("stringLength").asInt(0)
					: channel.dataType().registers();
		}
		ByteLayout bytes = ByteLayout.valueOf(s.path("byteOrder").asString("ABCD").toUpperCase(Locale.ROOT));
		boolean swapWords = s.hasNonNull("wordOrder")
				? ByteLayout.valueOf(s.path("wordOrder").asString().toUpperCase(Locale.ROOT)).swapWords()
				: bytes.swapWords();
		if (!s.has("address")) {
			throw new IllegalArgumentException("address is required");
		}
		return new ModbusPoint(channel, device, type, s.path("address").asInt(), count, bytes, swapWords,
				s.path("timeoutMs").asInt(0), s.path("maxRegistersPerRequest").asInt(0), s.path("maxGap").asInt(-1));
	}

	long channelId() {
		return this.channel.id();
	}

	int end() {
		return this.address + this.count;
	}

}
