package io.parx.admin.discovery;

import java.util.List;
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

	/** Fields of a browse or search listing that an item may carry along. */
	private static final Set<String> LISTING = Set.of("displayName", "nodeClass", "accessLevel", "value", "valueStatus",
			"hasChildren");

	static OpcUaSelection read(SettingsReader f, Violations violations) {
		List<Map<String, Object>> rows = SelectionItems.rows(Protocol.OPCUA, f, violations, PER_ITEM_SETTINGS, LISTING,
				OpcUaSelection::item);
		return (rows != null) ? new OpcUaSelection(rows) : null;
	}

	private static SelectionItems.ItemChannel item(SettingsReader node) {
		String nodeId = node.string("nodeId", true, 4200);
		NodeId parsed = (nodeId != null) ? node.guard("nodeId", () -> NodeId.parse(nodeId)) : null;
		String name = node.string("name", false, 200);
		String path = node.string("path", false, 4000);
		String browseName = node.string("browseName", false, 1000);
		String displayName = (node.raw("displayName") instanceof String s) ? s : null;
		String opcUaType = node.string("dataType", false, 200);
		DataType dataType = SelectionItems.channelDataType(node, OpcUaDataTypes.channelType(opcUaType).orElse(null),
				(opcUaType != null)
						? "the server's type " + opcUaType + " has no channel data type; choose one of "
								+ List.of(DataType.values())
						: "is required when dataType (the server's type) is not sent");
		if (parsed == null || dataType == null) {
			return null;
		}
		return new SelectionItems.ItemChannel(
				SelectionItems.firstOf("node", name, path, browseName, displayName, parsed.identifier()), dataType,
				Map.of("nodeId", parsed.toString()));
	}

}
