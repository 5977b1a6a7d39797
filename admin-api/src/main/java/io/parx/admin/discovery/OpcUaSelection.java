package io.parx.admin.discovery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.channel.NodeId;
import io.parx.common.config.channel.OpcUaDataTypes;
import io.parx.common.config.channel.Protocol;

/**
 * OPC UA nodes picked from a browse or search, to become channels of one server:
 * {@code settings} are the channel settings they share (endpoint, security, identity,
 * sampling), {@code channel} the channel fields they share (poll interval, collector,
 * tags, ...), and each item names a node as discovery listed it. Names come from the
 * item's {@code name}, else its search {@code path}, else its browse name, made valid and
 * unique within the selection; the data type from {@code channelDataType}, else the
 * server's {@code dataType}.
 *
 * @param channelRows the channel rows
 */
record OpcUaSelection(List<Map<String, Object>> channelRows) implements ChannelSelection {

	/** Settings an item sets itself, not the shared ones. */
	private static final Set<String> PER_ITEM_SETTINGS = Set.of("nodeId");

	/** Channel fields an item sets itself. */
	private static final Set<String> PER_ITEM_FIELDS = Set.of("name", "dataType", "protocol", "settings", "id",
			"version");

	private static final int MAX_NAME = 200;

	static OpcUaSelection read(SettingsReader f, Violations violations) {
		Map<String, Object> settings = f.object("settings", true);
		Map<String, Object> channel = f.object("channel", false);
		Object items = f.raw("items");
		f.rejectUnknown();
		if (settings != null) {
			PER_ITEM_SETTINGS.stream()
				.filter(settings::containsKey)
				.forEach((field) -> violations.add("settings." + field, "is set per item; the items name their nodes"));
		}
		if (channel != null) {
			PER_ITEM_FIELDS.stream()
				.filter(channel::containsKey)
				.forEach((field) -> violations.add("channel." + field, "is set per item or by the selection"));
		}
		if (!(items instanceof List<?> list) || list.isEmpty() || list.size() > MAX_ITEMS) {
			violations.add("items", "must be a list of 1 to " + MAX_ITEMS + " nodes");
			return null;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof Map<?, ?> map)) {
				violations.add("items[" + i + "]", "must be a node object");
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> item = (Map<String, Object>) map;
			SettingsReader node = violations.reader(item, "items[" + i + "].");
			Map<String, Object> row = row(node, settings, channel, names);
			node.rejectUnknown(
					Set.of("displayName", "nodeClass", "accessLevel", "value", "valueStatus", "hasChildren"));
			if (row != null) {
				rows.add(row);
			}
		}
		return violations.isEmpty() ? new OpcUaSelection(List.copyOf(rows)) : null;
	}

	private static Map<String, Object> row(SettingsReader node, Map<String, Object> settings,
			Map<String, Object> channel, Set<String> taken) {
		String nodeId = node.string("nodeId", true, 4200);
		NodeId parsed = (nodeId != null) ? node.guard("nodeId", () -> NodeId.parse(nodeId)) : null;
		String name = node.string("name", false, MAX_NAME);
		String path = node.string("path", false, 4000);
		String browseName = node.string("browseName", false, 1000);
		String displayName = (node.raw("displayName") instanceof String s) ? s : null;
		String opcUaType = node.string("dataType", false, 200);
		boolean chosen = node.has("channelDataType");
		DataType dataType = chosen ? node.choice("channelDataType", DataType.class, null) : null;
		if (!chosen) {
			dataType = OpcUaDataTypes.channelType(opcUaType).orElse(null);
			if (dataType == null) {
				node.reject("channelDataType",
						(opcUaType != null)
								? "the server's type " + opcUaType + " has no channel data type; choose one of "
										+ List.of(DataType.values())
								: "is required when dataType (the server's type) is not sent");
			}
		}
		if (parsed == null || dataType == null) {
			return null;
		}
		Map<String, Object> row = new LinkedHashMap<>();
		if (channel != null) {
			row.putAll(channel);
		}
		row.put("name", unique(validName(firstOf(name, path, browseName, displayName, parsed.identifier())), taken));
		row.put("dataType", dataType.name());
		row.put("protocol", Protocol.OPCUA.name());
		Map<String, Object> rowSettings = new LinkedHashMap<>((settings != null) ? settings : Map.of());
		rowSettings.put("nodeId", parsed.toString());
		row.put("settings", rowSettings);
		return row;
	}

	private static String firstOf(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return "node";
	}

	/**
	 * The text as a channel name: letters, digits, space and {@code _ . : / -} (what
	 * {@code ChannelDraft} accepts), anything else an underscore.
	 */
	static String validName(String text) {
		StringBuilder name = new StringBuilder(text.length());
		text.strip().codePoints().forEach((c) -> {
			boolean allowed = Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '.' || c == ':' || c == '/'
					|| c == '-';
			name.appendCodePoint(allowed ? c : '_');
		});
		String cleaned = name.toString().replaceAll(" {2,}", " ").strip();
		if (cleaned.isEmpty()) {
			cleaned = "node";
		}
		return (cleaned.length() > MAX_NAME - 6) ? cleaned.substring(0, MAX_NAME - 6).strip() : cleaned;
	}

	/** The name, or with " 2", " 3", ... when the selection already has it (any case). */
	private static String unique(String name, Set<String> taken) {
		String candidate = name;
		for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
			candidate = name + " " + n;
		}
		return candidate;
	}

}
