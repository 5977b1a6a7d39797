package io.parx.collector.discovery.opcua;

import io.parx.common.discovery.OpcUaBrowsePage;
import io.parx.common.discovery.OpcUaBrowseRequest;
import io.parx.common.discovery.OpcUaSearchRequest;
import io.parx.common.discovery.OpcUaSearchResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPC UA discovery (issue #20): {@code /api/v1/collector/discovery/opcua}, for engineers
 * and administrators; the admin-api forwards its own discovery requests here.
 */
@RestController
@Tag(name = "Discovery")
@RequestMapping("/api/v1/collector/discovery/opcua")
class OpcUaDiscoveryController {

	private final OpcUaDiscovery discovery;

	OpcUaDiscoveryController(OpcUaDiscovery discovery) {
		this.discovery = discovery;
	}

	@Operation(operationId = "browseOpcUa",
			summary = "List a node's children (objects and variables, with data type, access level and value) one "
					+ "page at a time (ENGINEER, ADMIN)",
			description = "The server is reached with a channel's endpoint, security and identity settings. An "
					+ "unknown nodeId is a 400 naming it, a server that cannot be reached or refuses a 502 "
					+ "/problems/discovery-failed, one that does not answer within timeoutMs a 504 "
					+ "/problems/device-timeout, a full discovery queue a 503 /problems/discovery-busy.")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "502", ref = "DiscoveryFailed")
	@ApiResponse(responseCode = "503", ref = "DiscoveryBusy")
	@ApiResponse(responseCode = "504", ref = "DeviceTimeout")
	@PostMapping("/browse")
	OpcUaBrowsePage browse(@Valid @RequestBody OpcUaBrowseRequest request) {
		return this.discovery.browse(request);
	}

	@Operation(operationId = "searchOpcUa",
			summary = "Find nodes whose browse or display name contains the query below a node, breadth first, "
					+ "bounded in depth, results and time (ENGINEER, ADMIN)",
			description = "Answers what it found when a bound stopped it, naming the bound in truncated.")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "502", ref = "DiscoveryFailed")
	@ApiResponse(responseCode = "503", ref = "DiscoveryBusy")
	@ApiResponse(responseCode = "504", ref = "DeviceTimeout")
	@PostMapping("/search")
	OpcUaSearchResult search(@Valid @RequestBody OpcUaSearchRequest request) {
		return this.discovery.search(request);
	}

}
