package io.parx.admin.discovery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.channel.ChannelSettings;
import io.parx.common.config.channel.NodeId;
import io.parx.common.config.channel.Protocol;

/**
 * Checks an OPC UA browse or search request before it is forwarded: the server's settings
 * with the channel contract (common's {@code OpcUaSettings}, so a request the collector
 * would refuse is refused here with the same field names), the node and the bounds. Bad
 * input never reaches the collector or the plant.
 */
final class OpcUaDiscoveryRequests {

	/** The fields of a channel's OPC UA settings that say how to reach the server. */
	static final Set<String> CONNECTION = Set.of("endpointUrl", "securityPolicy", "securityMode", "authentication",
			"username", "password");

	private OpcUaDiscoveryRequests() {
	}

	/** {@code POST /api/v1/io/discovery/opcua/browse}. */
	static Map<String, Object> browse(Map<String, Object> body) {
		Violations violations = new Violations();
		Map<String, Object> checked = connection(body, violations);
		SettingsReader f = violations.reader(without(body, CONNECTION), "");
		node(f, checked);
		String cursor = f.string("cursor", false, 20);
		if (cursor != null && !cursor.matches("[0-9]{1,9}")) {
			f.reject("cursor", "must be the nextCursor of the previous page");
		}
		putIfPresent(checked, "cursor", cursor);
		putIfPresent(checked, "maxNodes", f.optionalInteger("maxNodes", 1, 1000));
		putIfPresent(checked, "timeoutMs", f.optionalInteger("timeoutMs", 1, 60_000));
		f.rejectUnknown();
		violations.throwIfAny();
		return checked;
	}

	/** {@code POST /api/v1/io/discovery/opcua/search}. */
	static Map<String, Object> search(Map<String, Object> body) {
		Violations violations = new Violations();
		Map<String, Object> checked = connection(body, violations);
		SettingsReader f = violations.reader(without(body, CONNECTION), "");
		node(f, checked);
		String query = f.string("query", true, 200);
		putIfPresent(checked, "query", query);
		putIfPresent(checked, "maxDepth", f.optionalInteger("maxDepth", 1, 10));
		putIfPresent(checked, "maxResults", f.optionalInteger("maxResults", 1, 1000));
		putIfPresent(checked, "timeoutMs", f.optionalInteger("timeoutMs", 1, 60_000));
		f.rejectUnknown();
		violations.throwIfAny();
		return checked;
	}

	/** The connection fields, read as a channel's (with a stand-in node). */
	private static Map<String, Object> connection(Map<String, Object> body, Violations violations) {
		Map<String, Object> connection = new LinkedHashMap<>();
		body.forEach((field, value) -> {
			if (CONNECTION.contains(field)) {
				// as the contract reads them: the collector gets the names it reads too
				boolean choice = field.startsWith("security") || field.equals("authentication")
						|| field.equals("endpointUrl");
				connection.put(field, (choice && value instanceof String text) ? text.strip() : value);
			}
		});
		Map<String, Object> asChannel = new LinkedHashMap<>(connection);
		asChannel.put("nodeId", "i=85");
		ChannelSettings.read(Protocol.OPCUA, DataType.FLOAT64, violations.reader(asChannel, ""));
		return connection;
	}

	private static void node(SettingsReader f, Map<String, Object> checked) {
		String node = f.string("nodeId", false, 4200);
		if (node != null && !node.isBlank()) {
			NodeId parsed = f.guard("nodeId", () -> NodeId.parse(node));
			putIfPresent(checked, "nodeId", (parsed != null) ? parsed.toString() : null);
		}
	}

	private static Map<String, Object> without(Map<String, Object> body, Set<String> fields) {
		Map<String, Object> rest = new LinkedHashMap<>(body);
		rest.keySet().removeAll(fields);
		return rest;
	}

	private static void putIfPresent(Map<String, Object> map, String field, Object value) {
		if (value != null) {
			map.put(field, value);
		}
	}

}
