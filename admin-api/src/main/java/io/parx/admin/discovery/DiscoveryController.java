package io.parx.admin.discovery;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.parx.admin.channels.ChannelImport;
import io.parx.common.discovery.OpcUaBrowsePage;
import io.parx.common.discovery.OpcUaBrowseRequest;
import io.parx.common.discovery.OpcUaSearchRequest;
import io.parx.common.discovery.OpcUaSearchResult;
import io.parx.common.discovery.RegisterSurveyRequest;
import io.parx.common.discovery.RegisterSurveyResult;
import io.parx.common.discovery.SparkplugSurveyRequest;
import io.parx.common.discovery.SparkplugSurveyResult;
import io.parx.common.discovery.TopicSurveyRequest;
import io.parx.common.discovery.TopicSurveyResult;

/**
 * Finding the plant's signals instead of typing them (issue #20):
 * {@code /api/v1/io/discovery}, for engineers and administrators. Browse and search are
 * checked here and forwarded to the collector ({@link DiscoveryForwarder}); the
 * engineer's pick becomes channels through the import path ({@link ChannelImport}), so
 * validation, audit and config events are those of any channel.
 */
@RestController
@Tag(name = "Discovery", description = "Browse servers and create channels from what was found; see docs/API.md")
@RequestMapping("/api/v1/io/discovery")
class DiscoveryController {

	private final DiscoveryForwarder forwarder;

	private final ChannelImport imports;

	DiscoveryController(DiscoveryForwarder forwarder, ChannelImport imports) {
		this.forwarder = forwarder;
		this.imports = imports;
	}

	@Operation(operationId = "browseOpcUa",
			summary = "List a node's children on an OPC UA server, one page at a time, through the collector "
					+ "(ENGINEER, ADMIN)",
			description = "Objects and variables with node class, browse and display name, and for variables the "
					+ "data type, the channel data type, access level and current value. An unknown nodeId is a 400 "
					+ "naming it; a server that cannot be reached or refuses a 502 /problems/discovery-failed, one that "
					+ "does not answer in time a 504 /problems/device-timeout. timeoutMs is at most the admin-api's collector "
					+ "timeout less 2 s (8 s by default), its default.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OpcUaBrowsePage.class)))
	@DiscoveryProblems
	@PostMapping("/opcua/browse")
	Map<String, Object> browseOpcUa(
			@RequestBody @Schema(implementation = OpcUaBrowseRequest.class) Map<String, Object> body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		return this.forwarder.forward("opcua/browse", OpcUaDiscoveryRequests.browse(body), authorization);
	}

	@Operation(operationId = "searchOpcUa",
			summary = "Find nodes by name below a node on an OPC UA server, through the collector (ENGINEER, ADMIN)",
			description = "Breadth first, bounded by maxDepth, maxResults and time; answers what it found when a "
					+ "bound stopped it and names the bound in truncated. Errors as for browse.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OpcUaSearchResult.class)))
	@DiscoveryProblems
	@PostMapping("/opcua/search")
	Map<String, Object> searchOpcUa(
			@RequestBody @Schema(implementation = OpcUaSearchRequest.class) Map<String, Object> body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		return this.forwarder.forward("opcua/search", OpcUaDiscoveryRequests.search(body), authorization);
	}

	@Operation(operationId = "discoverMqttTopics",
			summary = "Listen on a broker for a few seconds and list the topics seen, through the collector "
					+ "(ENGINEER, ADMIN)",
			description = "Each topic with its message count, last payload (cut short), detected payload format and, "
					+ "for JSON, the pointers to its leaves; bounded by maxTopics, bytes and time (docs/API.md). "
					+ "The collector checks the fields (400 naming them); a broker that cannot be reached or refuses "
					+ "is a 502 /problems/discovery-failed, one that does not answer in time a 504.")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TopicSurveyResult.class)))
	@DiscoveryProblems
	@PostMapping("/mqtt/topics")
	Map<String, Object> discoverMqttTopics(
			@RequestBody @Schema(implementation = TopicSurveyRequest.class) Map<String, Object> body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		return this.forwarder.forwardAsIs("mqtt/topics", body, authorization);
	}

	@Operation(operationId = "discoverSparkplug",
			summary = "Listen on a broker for a few seconds and list the Sparkplug B groups, edge nodes, devices "
					+ "and metrics its births declare, through the collector (ENGINEER, ADMIN)",
			description = "Optionally asks edge nodes that send data without a birth for one (requestRebirth). "
					+ "Errors as for the MQTT topics.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = SparkplugSurveyResult.class)))
	@DiscoveryProblems
	@PostMapping("/sparkplug")
	Map<String, Object> discoverSparkplug(
			@RequestBody @Schema(implementation = SparkplugSurveyRequest.class) Map<String, Object> body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		return this.forwarder.forwardAsIs("sparkplug", body, authorization);
	}

	@Operation(operationId = "discoverModbusRegisters",
			summary = "Read a range of registers or bits of a Modbus device and show each position decoded in every "
					+ "data type and word order, through the collector (ENGINEER, ADMIN)",
			description = "In blocks of at most 125 registers (2,000 bits); an exception or timeout is reported on "
					+ "its block. A device that cannot be reached is a 502 /problems/discovery-failed.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = RegisterSurveyResult.class)))
	@DiscoveryProblems
	@PostMapping("/modbus/registers")
	Map<String, Object> discoverModbusRegisters(
			@RequestBody @Schema(implementation = RegisterSurveyRequest.class) Map<String, Object> body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		return this.forwarder.forwardAsIs("modbus/registers", body, authorization);
	}

	@Operation(operationId = "createChannelsFromSelection",
			summary = "Create a channel per discovered item (ENGINEER, ADMIN); per-item errors",
			description = "OPCUA nodes, MQTT topics and Sparkplug B metrics (one selection may mix them) or "
					+ "MODBUS_TCP registers, as the discoveries listed them. Names from the item's name, else "
					+ "(OPCUA) its search path or browse name, (MQTT) topic and valuePointer or "
					+ "edgeNodeId[/deviceId]/metricName, (MODBUS_TCP) host and Modicon reference, made valid "
					+ "and unique within the selection; data types from channelDataType, else mapped from the "
					+ "server's type (OPCUA), the metric's dataType (Sparkplug B), the payload format (BOOLEAN, "
					+ "STRING) or the table (coils and discrete inputs: BOOL); the protocol's defaults for the rest. "
					+ "Each channel is created, validated, "
					+ "audited and announced as by POST /api/v1/io/channels, each in its own transaction: a name "
					+ "already used is that item's error (name), never an update. A selection that is not well "
					+ "formed (an item without a node or a data type) is a 400 and creates nothing.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ChannelImport.Created.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@PostMapping("/channels")
	ChannelImport.Created createChannels(
			@RequestBody @Schema(implementation = SelectionSchemas.Selection.class) Map<String, Object> body) {
		return this.imports.createRows(ChannelSelection.read(body).channelRows());
	}

}
