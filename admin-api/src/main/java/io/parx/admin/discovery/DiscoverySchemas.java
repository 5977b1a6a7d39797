package io.parx.admin.discovery;

import java.util.List;
import java.util.Map;

import io.parx.common.config.DataType;
import io.parx.common.config.channel.OpcUaSettings.Authentication;
import io.parx.common.config.channel.OpcUaSettings.SecurityMode;
import io.parx.common.config.channel.OpcUaSettings.SecurityPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of the discovery endpoints as the OpenAPI document describes it, for the
 * browser app's generated types and Swagger UI. Documentation only: the endpoints read
 * maps checked field by field ({@link OpcUaDiscoveryRequests}, {@link ChannelSelection})
 * and pass the collector's answers on; {@code OpenApiSchemaTests} holds real answers
 * against these schemas.
 */
final class DiscoverySchemas {

	private DiscoverySchemas() {
	}

	@Schema(name = "OpcUaBrowseRequest",
			description = "A server as an OPC UA channel reaches it (the settings' endpointUrl, security and identity "
					+ "fields, with their defaults) and the node whose children to list",
			requiredProperties = { "endpointUrl" })
	record BrowseRequest(@Schema(description = "opc.tcp://host:port/path", maxLength = 2000) String endpointUrl,
			SecurityPolicy securityPolicy, SecurityMode securityMode, Authentication authentication,
			@Schema(maxLength = 200) String username,
			@Schema(description = "Never logged nor answered", maxLength = 1000) String password,
			@Schema(description = "Default i=85, the Objects folder", maxLength = 4200) String nodeId,
			@Schema(description = "nextCursor of the previous page", maxLength = 20) String cursor,
			@Schema(description = "Nodes per page, default 200", minimum = "1", maximum = "1000") Integer maxNodes,
			@Schema(description = "Time limit; default and most: the admin-api's collector timeout less 2 s (8 s)",
					minimum = "1", maximum = "60000") Integer timeoutMs) {

	}

	@Schema(name = "OpcUaSearchRequest",
			description = "A server as an OPC UA channel reaches it and what to look for below a node",
			requiredProperties = { "endpointUrl", "query" })
	record SearchRequest(@Schema(description = "opc.tcp://host:port/path", maxLength = 2000) String endpointUrl,
			SecurityPolicy securityPolicy, SecurityMode securityMode, Authentication authentication,
			@Schema(maxLength = 200) String username,
			@Schema(description = "Never logged nor answered", maxLength = 1000) String password,
			@Schema(description = "Where to start; default i=85, the Objects folder", maxLength = 4200) String nodeId,
			@Schema(description = "Part of the browse or display name, any case", maxLength = 200) String query,
			@Schema(description = "Levels below the start node, default 5", minimum = "1",
					maximum = "10") Integer maxDepth,
			@Schema(description = "Default 100", minimum = "1", maximum = "1000") Integer maxResults,
			@Schema(minimum = "1", maximum = "60000") Integer timeoutMs) {

	}

	@Schema(name = "DiscoveredOpcUaNode",
			requiredProperties = { "nodeId", "browseName", "displayName", "nodeClass", "hasChildren" })
	record Node(@Schema(example = "ns=2;s=Line1.Temperature") String nodeId, String browseName, String displayName,
			@Schema(description = "Object or Variable") String nodeClass,
			@Schema(description = "Variables: a built-in type's name (Double) or another type's node id") String dataType,
			@Schema(description = "Variables: the channel data type that reads it, absent when there is none "
					+ "(arrays, structures, DateTime)") DataType channelDataType,
			@Schema(description = "Variables: CurrentRead, CurrentWrite, HistoryRead, ...") List<String> accessLevel,
			@Schema(description = "Variables: the current value", types = {
					"number", "boolean", "string" }) Object value,
			@Schema(description = "The value's StatusCode name when it is not Good") String valueStatus,
			boolean hasChildren,
			@Schema(description = "Search only: browse names from the start node, / separated") String path){

	}

	@Schema(name = "OpcUaBrowsePage", requiredProperties = { "nodeId", "nodes", "nextCursor" })
	record BrowsePage(String nodeId, List<Node> nodes,
			@Schema(description = "cursor of the next page; null on the last", nullable = true) String nextCursor) {

	}

	@Schema(name = "OpcUaSearchResult", requiredProperties = { "nodeId", "nodes", "visited", "truncated" })
	record SearchResult(String nodeId, List<Node> nodes, @Schema(description = "Nodes looked at") int visited,
			@Schema(description = "Why the search stopped early, null when it did not", nullable = true,
					allowableValues = {
							"maxResults", "maxVisited", "time" }) String truncated){

	}

	@Schema(name = "MqttTopicsRequest",
			description = "A broker as an MQTT channel names it, the filter and how long to listen "
					+ "(the collector checks the fields)",
			requiredProperties = { "brokerUrl" })
	record MqttTopicsRequest(
			@Schema(description = "tcp://host:port or ssl://host:port", maxLength = 2000) String brokerUrl,
			@Schema(maxLength = 200) String username,
			@Schema(description = "Never logged nor answered", maxLength = 1000) String password,
			@Schema(description = "MQTT topic filter, # when absent", maxLength = 1000) String topicFilter,
			@Schema(description = "Default 5", minimum = "1", maximum = "30") Integer listenSeconds,
			@Schema(description = "Default 1000", minimum = "1", maximum = "1000") Integer maxTopics) {

	}

	@Schema(name = "SparkplugRequest",
			description = "A broker as an MQTT channel names it, optionally one Sparkplug B group, how long to listen "
					+ "and whether to ask edge nodes without a birth for one (the collector checks the fields)",
			requiredProperties = { "brokerUrl" })
	record SparkplugRequest(
			@Schema(description = "tcp://host:port or ssl://host:port", maxLength = 2000) String brokerUrl,
			@Schema(maxLength = 200) String username,
			@Schema(description = "Never logged nor answered", maxLength = 1000) String password,
			@Schema(description = "One group only, every group when absent", maxLength = 200) String groupId,
			@Schema(description = "Default 5", minimum = "1", maximum = "30") Integer listenSeconds,
			@Schema(description = "Send NCMD Node Control/Rebirth to nodes seen without a birth; default false") Boolean requestRebirth) {

	}

	@Schema(name = "ModbusRegistersRequest",
			description = "A device as a Modbus channel names it and the range to read (the collector checks the fields)",
			requiredProperties = { "host", "registerType", "address", "count" })
	record ModbusRegistersRequest(@Schema(maxLength = 253) String host,
			@Schema(description = "Default 502", minimum = "1", maximum = "65535") Integer port,
			@Schema(description = "Default 1", minimum = "0", maximum = "255") Integer unitId,
			@Schema(allowableValues = {
					"COIL", "DISCRETE_INPUT", "HOLDING_REGISTER", "INPUT_REGISTER" }) String registerType,
			@Schema(description = "0-based", minimum = "0", maximum = "65535") Integer address,
			@Schema(description = "Registers or bits; read in blocks of at most 125 registers (2,000 bits)",
					minimum = "1", maximum = "2000") Integer count,
			@Schema(description = "Response timeout of each block", minimum = "1", maximum = "10000") Integer timeoutMs,
			@Schema(minimum = "1", maximum = "2000") Integer maxRegistersPerRequest){

	}

	@Schema(name = "SurveyResult",
			description = "The collector's answer as it is, described field by field in the collector's OpenAPI "
					+ "document (TopicSurveyResult, SparkplugSurveyResult, RegisterSurveyResult) and in docs/API.md, "
					+ "\"Discovery: MQTT, Sparkplug B, Modbus\"",
			additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
	record SurveyResult() {

	}

}
