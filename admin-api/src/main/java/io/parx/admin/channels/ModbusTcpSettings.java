package io.parx.admin.channels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.parx.common.config.DataType;

/**
 * A Modbus TCP register or bit.
 *
 * @param host the device (server) host name or IP address
 * @param port TCP port, 502 by default (Modbus Messaging on TCP/IP §4.1)
 * @param unitId unit identifier, 0 to 255 (gateways route by it; 255 or 1 for plain TCP)
 * @param address register table, 0-based address and extent
 * @param byteOrder byte order inside a register
 * @param wordOrder register order of 32- and 64-bit values
 * @param stringLength registers of a STRING value (two characters each), else null
 * @param timeoutMs response timeout
 * @param maxRegistersPerRequest the collector never asks for more in one read (at most
 * 125, Modbus Application Protocol §6.3)
 * @param maxGap unused registers the collector may read to merge two requests
 */
public record ModbusTcpSettings(String host, int port, int unitId, ModbusAddress address, ByteOrder byteOrder,
		ByteOrder wordOrder, Integer stringLength, int timeoutMs, int maxRegistersPerRequest,
		int maxGap) implements ProtocolSettings {

	static final Pattern HOST = Pattern.compile(
			"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
					+ "|\\[?[0-9A-Fa-f:.]+]?");

	@Override
	public Protocol protocol() {
		return Protocol.MODBUS_TCP;
	}

	@Override
	public String device() {
		return this.host + ":" + this.port;
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("host", this.host);
		map.put("port", this.port);
		map.put("unitId", this.unitId);
		map.put("registerType", this.address.registerType().name());
		map.put("address", this.address.address());
		map.put("byteOrder", this.byteOrder.name());
		map.put("wordOrder", this.wordOrder.name());
		if (this.stringLength != null) {
			map.put("stringLength", this.stringLength);
		}
		map.put("timeoutMs", this.timeoutMs);
		map.put("maxRegistersPerRequest", this.maxRegistersPerRequest);
		map.put("maxGap", this.maxGap);
		return map;
	}

	static ModbusTcpSettings read(Fields f, DataType dataType) {
		String host = f.string("host", true, 253);
		if (host != null && !HOST.matcher(host).matches()) {
			f.reject("host", "must be a host name or an IP address");
			host = null;
		}
		Integer port = f.integer("port", 502, 1, 65535);
		Integer unitId = f.integer("unitId", 1, 0, 255);
		ModbusAddress.RegisterType type = f.choice("registerType", ModbusAddress.RegisterType.class, null);
		Integer address = f.integer("address", null, 0, ModbusAddress.MAX_ADDRESS);
		ByteOrder byteOrder = f.choice("byteOrder", ByteOrder.class, ByteOrder.ABCD);
		ByteOrder wordOrder = f.choice("wordOrder", ByteOrder.class, ByteOrder.ABCD);
		Integer stringLength = null;
		if (dataType == DataType.STRING) {
			stringLength = f.integer("stringLength", null, 1, 125);
		}
		else if (f.has("stringLength")) {
			f.reject("stringLength", "applies only to data type STRING");
		}
		Integer timeoutMs = f.integer("timeoutMs", 3000, 1, 60_000);
		Integer maxRegisters = f.integer("maxRegistersPerRequest", 125, 1, 125);
		Integer maxGap = f.integer("maxGap", 10, 0, 125);
		if (type != null && dataType != null) {
			if (type.isBit() && dataType != DataType.BOOL) {
				f.reject("registerType", type + " holds single bits: the channel's data type must be BOOL");
				type = null;
			}
		}
		ModbusAddress modbusAddress = null;
		if (type != null && address != null) {
			ModbusAddress.RegisterType table = type;
			int count = type.isBit() || dataType == null ? 1 : (dataType == DataType.STRING)
					? ((stringLength != null) ? stringLength : 1) : dataType.registers();
			modbusAddress = f.violations().guard(f.path("address"), () -> new ModbusAddress(table, address, count));
		}
		if (host == null || port == null || unitId == null || modbusAddress == null || byteOrder == null
				|| wordOrder == null || timeoutMs == null || maxRegisters == null || maxGap == null
				|| (dataType == DataType.STRING && stringLength == null)) {
			return null;
		}
		return new ModbusTcpSettings(host, port, unitId, modbusAddress, byteOrder, wordOrder, stringLength, timeoutMs,
				maxRegisters, maxGap);
	}

}
