package io.parx.common.config.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;

/**
 * A Modbus TCP register or bit.
 *
 * @param host the device (server) host name or IP address
 * @param port TCP port, {@value #DEFAULT_PORT} by default (Modbus Messaging on TCP/IP
 * §4.1)
 * @param unitId unit identifier, 0 to 255, {@value #DEFAULT_UNIT_ID} by default (gateways
 * route by it; 255 or 1 for plain TCP)
 * @param address register table, 0-based address and extent
 * @param byteOrder byte order of the value, ABCD by default
 * @param wordOrder register order of values longer than one register, or {@code null}:
 * the one {@code byteOrder} implies
 * @param stringLength registers of a STRING value (two characters each), else null
 * @param timeoutMs response timeout, or {@code null}: the collector's
 * {@code parx.collector.modbus.timeout}
 * @param maxRegistersPerRequest the collector never asks for more in one read, or
 * {@code null}: the table's limit (125 registers or 2000 bits, Modbus Application
 * Protocol §6.1-6.4)
 * @param maxGap unused registers the collector may read to merge two requests, or
 * {@code null}: the collector's {@code parx.collector.modbus.max-gap}
 * @param write whether and how the channel may be written: holding registers (function
 * codes 6 and 16) and coils (function code 5) only
 */
public record ModbusTcpSettings(String host, int port, int unitId, ModbusAddress address, ByteOrder byteOrder,
		ByteOrder wordOrder, Integer stringLength, Integer timeoutMs, Integer maxRegistersPerRequest, Integer maxGap,
		WriteAccess write) implements ChannelSettings {

	public static final int DEFAULT_PORT = 502;

	public static final int DEFAULT_UNIT_ID = 1;

	public static final ByteOrder DEFAULT_BYTE_ORDER = ByteOrder.ABCD;

	/** Longest response timeout a channel may set. */
	public static final int MAX_TIMEOUT_MS = 60_000;

	/** Longest STRING value, in registers (one read of §6.3). */
	public static final int MAX_STRING_LENGTH = 125;

	static final Pattern HOST = Pattern.compile(
			"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
					+ "|\\[?[0-9A-Fa-f:.]+]?");

	public ModbusTcpSettings {
		write = (write != null) ? write : WriteAccess.NONE;
		if (host == null || !HOST.matcher(host).matches()) {
			throw new IllegalArgumentException("host must be a host name or an IP address");
		}
		if (port < 1 || port > 65535 || unitId < 0 || unitId > 255) {
			throw new IllegalArgumentException("port must be 1-65535 and unitId 0-255");
		}
		if (address == null || byteOrder == null) {
			throw new IllegalArgumentException("address and byteOrder are required");
		}
		if (timeoutMs != null && (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)) {
			throw new IllegalArgumentException("timeoutMs must be between 1 and " + MAX_TIMEOUT_MS);
		}
		if (maxRegistersPerRequest != null
				&& (maxRegistersPerRequest < 1 || maxRegistersPerRequest > address.registerType().maxPerRequest())) {
			throw new IllegalArgumentException(
					"maxRegistersPerRequest must be between 1 and " + address.registerType().maxPerRequest());
		}
		if (maxGap != null && (maxGap < 0 || maxGap > 125)) {
			throw new IllegalArgumentException("maxGap must be between 0 and 125");
		}
	}

	/** Settings of a channel that is only read. */
	public ModbusTcpSettings(String host, int port, int unitId, ModbusAddress address, ByteOrder byteOrder,
			ByteOrder wordOrder, Integer stringLength, Integer timeoutMs, Integer maxRegistersPerRequest,
			Integer maxGap) {
		this(host, port, unitId, address, byteOrder, wordOrder, stringLength, timeoutMs, maxRegistersPerRequest, maxGap,
				WriteAccess.NONE);
	}

	/**
	 * Reads a stored document.
	 * @throws io.parx.common.config.InvalidSettingsException naming every bad field
	 */
	public static ModbusTcpSettings fromJson(Map<String, ?> json, DataType dataType) {
		return (ModbusTcpSettings) ChannelSettings.fromJson(Protocol.MODBUS_TCP, dataType, json);
	}

	@Override
	public Protocol protocol() {
		return Protocol.MODBUS_TCP;
	}

	@Override
	public String device() {
		return this.host + ":" + this.port;
	}

	/**
	 * The register order in effect: {@code wordOrder}, else the one of the byte order.
	 */
	public boolean swapWords() {
		return ((this.wordOrder != null) ? this.wordOrder : this.byteOrder).swapWords();
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
		putIfSet(map, "wordOrder", (this.wordOrder != null) ? this.wordOrder.name() : null);
		putIfSet(map, "stringLength", this.stringLength);
		putIfSet(map, "timeoutMs", this.timeoutMs);
		putIfSet(map, "maxRegistersPerRequest", this.maxRegistersPerRequest);
		putIfSet(map, "maxGap", this.maxGap);
		this.write.putInto(map);
		return map;
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	static ModbusTcpSettings read(SettingsReader f, DataType dataType) {
		int before = f.problems().size();
		String host = f.string("host", true, 253);
		if (host != null && !HOST.matcher(host).matches()) {
			f.reject("host", "must be a host name or an IP address");
			host = null;
		}
		Integer port = f.integer("port", DEFAULT_PORT, 1, 65535);
		Integer unitId = f.integer("unitId", DEFAULT_UNIT_ID, 0, 255);
		RegisterType type = f.choice("registerType", RegisterType.class, null);
		Integer address = f.integer("address", null, 0, ModbusAddress.MAX_ADDRESS);
		ByteOrder byteOrder = f.choice("byteOrder", ByteOrder.class, DEFAULT_BYTE_ORDER);
		ByteOrder wordOrder = f.has("wordOrder") ? f.choice("wordOrder", ByteOrder.class, null) : null;
		Integer stringLength = null;
		if (dataType == DataType.STRING) {
			stringLength = f.integer("stringLength", null, 1, MAX_STRING_LENGTH);
		}
		else if (f.has("stringLength")) {
			f.reject("stringLength", "applies only to data type STRING");
		}
		Integer timeoutMs = f.optionalInteger("timeoutMs", 1, MAX_TIMEOUT_MS);
		Integer maxRegisters = f.optionalInteger("maxRegistersPerRequest", 1,
				(type != null) ? type.maxPerRequest() : RegisterType.COIL.maxPerRequest());
		Integer maxGap = f.optionalInteger("maxGap", 0, 125);
		if (type != null && dataType != null && type.isBit() && dataType != DataType.BOOL) {
			f.reject("registerType", type + " holds single bits: the channel's data type must be BOOL");
			type = null;
		}
		String readOnly = (type != null && (type == RegisterType.INPUT_REGISTER || type == RegisterType.DISCRETE_INPUT))
				? type + " is read-only in Modbus: only holding registers and coils are written"
				: (dataType == DataType.STRING) ? "STRING registers are not written" : null;
		WriteAccess write = WriteAccess.read(f, dataType, readOnly);
		ModbusAddress modbusAddress = null;
		if (type != null && address != null) {
			RegisterType table = type;
			int count = type.isBit() || dataType == null ? 1 : (dataType == DataType.STRING)
					? ((stringLength != null) ? stringLength : 1) : dataType.registers();
			modbusAddress = f.guard("address", () -> new ModbusAddress(table, address, count));
		}
		if (f.problems().size() > before) {
			return null;
		}
		return new ModbusTcpSettings(host, port, unitId, modbusAddress, byteOrder, wordOrder, stringLength, timeoutMs,
				maxRegisters, maxGap, write);
	}

}
