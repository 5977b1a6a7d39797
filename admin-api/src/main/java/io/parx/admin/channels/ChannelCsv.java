package io.parx.admin.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.common.config.channel.ChannelSettings;

/**
 * Writes channels as CSV in exactly the layout the import reads ({@link CsvRows}), so
 * that an export can be edited in a spreadsheet and imported again: the channel's own
 * columns, then one column per protocol setting. Secrets are never written; a row without
 * a password keeps the stored one when it is imported.
 */
final class ChannelCsv {

	/** The channel's own columns, in the order written. */
	static final List<String> CHANNEL_COLUMNS = List.of("name", "description", "unit", "dataType", "scale", "offset",
			"pollIntervalMs", "enabled", "collector", "tags", "protocol", "version");

	/**
	 * The settings of every protocol, Modbus TCP, OPC UA, MQTT, simulator. The
	 * simulator's {@code offset} is written {@code settings.offset}: plain {@code offset}
	 * is the channel's.
	 */
	static final List<String> SETTING_COLUMNS = List.of("host", "port", "unitId", "registerType", "address",
			"byteOrder", "wordOrder", "stringLength", "timeoutMs", "maxRegistersPerRequest", "maxGap", "endpointUrl",
			"nodeId", "securityPolicy", "securityMode", "authentication", "username", "samplingIntervalMs", "deadband",
			"brokerUrl", "clientId", "topic", "qos", "payloadFormat", "valuePointer", "timestampPointer", "groupId",
			"edgeNodeId", "deviceId", "metricName", "waveform", "amplitude", "periodMs", "settings.offset");

	/**
	 * Excel reads a CSV as UTF-8 only when it starts with a byte order mark; the import
	 * skips it.
	 */
	private static final String BOM = "\uFEFF";

	private ChannelCsv() {
	}

	static String write(List<Channel> channels) {
		StringBuilder csv = new StringBuilder(BOM);
		List<String> header = new ArrayList<>(CHANNEL_COLUMNS);
		header.addAll(SETTING_COLUMNS);
		line(csv, header);
		for (Channel channel : channels) {
			line(csv, row(channel));
		}
		return csv.toString();
	}

	private static List<String> row(Channel channel) {
		List<String> cells = new ArrayList<>(CHANNEL_COLUMNS.size() + SETTING_COLUMNS.size());
		cells.add(channel.name());
		cells.add(channel.description());
		cells.add(channel.unit());
		cells.add(channel.dataType().name());
		cells.add(number(channel.scale()));
		cells.add(number(channel.offset()));
		cells.add(Integer.toString(channel.pollIntervalMs()));
		cells.add(Boolean.toString(channel.enabled()));
		cells.add((channel.collector() != null) ? channel.collector() : "");
		cells.add(String.join(";", channel.tags()));
		cells.add(channel.protocol().name());
		cells.add(Long.toString(channel.version()));
		Map<String, Object> settings = channel.settings();
		for (String column : SETTING_COLUMNS) {
			String key = column.startsWith("settings.") ? column.substring(9) : column;
			cells.add(ChannelSettings.SECRET_FIELDS.contains(key) ? "" : cell(settings.get(key)));
		}
		return cells;
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double d) {
			return number(d);
		}
		return value.toString();
	}

	/**
	 * Whole numbers without ".0" (a spreadsheet shows 1, not 1.0); others as Java writes
	 * them.
	 */
	private static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(quoted(cells.get(i)));
		}
		csv.append("\r\n");
	}

	/** RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled. */
	static String quoted(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0
				&& cell.indexOf(';') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

}
