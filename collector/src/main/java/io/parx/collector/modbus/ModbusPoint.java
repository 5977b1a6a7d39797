package io.parx.collector.modbus;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.channel.ByteOrder;
import io.parx.common.config.channel.ModbusAddress;
import io.parx.common.config.channel.ModbusTcpSettings;
import io.parx.common.config.channel.RegisterType;

/**
 * Where and how a channel lives on its device, validated from the channel's MODBUS_TCP
 * settings ({@link ModbusTcpSettings}): an invalid point cannot be built.
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
record ModbusPoint(ChannelConfig channel, DeviceKey device, RegisterType type, int address, int count, ByteOrder bytes,
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

	/**
	 * Reads the channel's settings with the contract the admin-api writes them with.
	 * @throws io.parx.common.config.InvalidSettingsException naming every bad field
	 */
	static ModbusPoint of(ChannelConfig channel) {
		ModbusTcpSettings s = ModbusTcpSettings.fromJson(channel.settingsMap(), channel.dataType());
		ModbusAddress address = s.address();
		return new ModbusPoint(channel, new DeviceKey(s.host(), s.port(), s.unitId()), address.registerType(),
				address.address(), address.count(), s.byteOrder(), s.swapWords(), orElse(s.timeoutMs(), 0),
				orElse(s.maxRegistersPerRequest(), 0), orElse(s.maxGap(), -1));
	}

	/** The collector's marker for "not set: the engine's setting applies". */
	private static int orElse(Integer value, int unset) {
		return (value != null) ? value : unset;
	}

	long channelId() {
		return this.channel.id();
	}

	int end() {
		return this.address + this.count;
	}

}
