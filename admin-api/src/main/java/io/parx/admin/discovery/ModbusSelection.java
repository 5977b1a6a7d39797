package io.parx.admin.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.channel.ByteOrder;
import io.parx.common.config.channel.ModbusAddress;
import io.parx.common.config.channel.ModbusTcpSettings;
import io.parx.common.config.channel.Protocol;
import io.parx.common.config.channel.RegisterType;

/**
 * Modbus registers or bits picked from a register discovery, to become channels of one
 * device: {@code settings} are the Modbus settings they share (host, port, unit id,
 * timeouts, request sizes, write settings), {@code channel} the channel fields they
 * share, and each item a position ({@code registerType}, {@code address}) read as
 * {@code channelDataType} in {@code byteOrder} (the reading the engineer recognised in
 * the discovery's {@code values}). Names come from the item's {@code name}, else the host
 * and the Modicon reference ({@code plc1 400001}); coils and discrete inputs are BOOL
 * unless the item says otherwise.
 *
 * @param channelRows the channel rows
 */
record ModbusSelection(List<Map<String, Object>> channelRows) implements ChannelSelection {

	/** Settings an item sets itself, not the shared ones. */
	private static final Set<String> PER_ITEM_SETTINGS = Set.of("registerType", "address", "byteOrder", "wordOrder",
			"stringLength");

	/**
	 * Fields of a register ({@code ModbusRegister}) or bit ({@code ModbusBit}) as listed.
	 */
	private static final Set<String> LISTING = Set.of("reference", "word", "hex", "text", "values", "value");

	static ModbusSelection read(SettingsReader f, Violations violations) {
		Object named = (f.raw("settings") instanceof Map<?, ?> shared) ? shared.get("host") : null;
		String host = (named instanceof String s) ? s.strip() : "modbus";
		List<Map<String, Object>> rows = SelectionItems.rows(Protocol.MODBUS_TCP, f, violations, PER_ITEM_SETTINGS,
				LISTING, (item) -> item(item, host));
		return (rows != null) ? new ModbusSelection(rows) : null;
	}

	private static SelectionItems.ItemChannel item(SettingsReader item, String host) {
		String name = item.string("name", false, 200);
		RegisterType type = item.choice("registerType", RegisterType.class, null);
		Integer address = item.integer("address", null, 0, ModbusAddress.MAX_ADDRESS);
		DataType dataType = SelectionItems.channelDataType(item, (type != null && type.isBit()) ? DataType.BOOL : null,
				"is required for registers: the reading the channel takes, one of " + List.of(DataType.values()));
		ByteOrder byteOrder = item.has("byteOrder") ? item.choice("byteOrder", ByteOrder.class, null) : null;
		ByteOrder wordOrder = item.has("wordOrder") ? item.choice("wordOrder", ByteOrder.class, null) : null;
		Integer stringLength = null;
		if (dataType == DataType.STRING) {
			stringLength = item.integer("stringLength", null, 1, ModbusTcpSettings.MAX_STRING_LENGTH);
		}
		else if (item.has("stringLength")) {
			item.reject("stringLength", "applies only to data type STRING");
		}
		if (type == null || address == null || dataType == null || (item.has("byteOrder") && byteOrder == null)
				|| (item.has("wordOrder") && wordOrder == null)
				|| (dataType == DataType.STRING && stringLength == null)) {
			return null;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("registerType", type.name());
		settings.put("address", address);
		putIfSet(settings, "byteOrder", (byteOrder != null) ? byteOrder.name() : null);
		putIfSet(settings, "wordOrder", (wordOrder != null) ? wordOrder.name() : null);
		putIfSet(settings, "stringLength", stringLength);
		String reference = new ModbusAddress(type, address, 1).reference();
		return new SelectionItems.ItemChannel(SelectionItems.firstOf(reference, name, host + " " + reference), dataType,
				settings);
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
