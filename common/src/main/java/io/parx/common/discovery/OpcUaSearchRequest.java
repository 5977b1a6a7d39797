package io.parx.common.discovery;

import io.parx.common.config.channel.OpcUaSettings.Authentication;
import io.parx.common.config.channel.OpcUaSettings.SecurityMode;
import io.parx.common.config.channel.OpcUaSettings.SecurityPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/collector/discovery/opcua/search}: a server as a channel
 * would reach it and what to look for below a node.
 *
 * @param endpointUrl {@code opc.tcp://host:port/path}
 * @param securityPolicy as a channel's, None by default
 * @param securityMode as a channel's
 * @param authentication as a channel's, ANONYMOUS by default
 * @param username for USERNAME
 * @param password for USERNAME; never logged nor answered
 * @param nodeId where to start, the Objects folder ({@code i=85}) when absent
 * @param query part of the browse or display name, any case
 * @param maxDepth levels below the start node to look in, 5 when absent
 * @param maxResults most nodes answered, 100 when absent
 * @param timeoutMs time limit, the collector's default (10 s) when absent
 */
public record OpcUaSearchRequest(@NotBlank @Size(max = 2000) String endpointUrl, SecurityPolicy securityPolicy,
		SecurityMode securityMode, Authentication authentication, @Size(max = 200) String username,
		@Size(max = 1000) String password, @Size(max = 4200) String nodeId, @NotBlank @Size(max = 200) String query,
		@Min(1) @Max(MAX_DEPTH) Integer maxDepth, @Min(1) @Max(MAX_RESULTS) Integer maxResults,
		@Min(1) @Max(60_000) Integer timeoutMs) implements OpcUaTarget {

	/** Deepest a search goes below its start node. */
	public static final int MAX_DEPTH = 10;

	/** Most nodes a search answers. */
	public static final int MAX_RESULTS = 1000;

	/** Never shows the password (requests may end up in logs). */
	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.endpointUrl + ", " + this.nodeId + ", password=******]";
	}

	public int depth() {
		return (this.maxDepth != null) ? this.maxDepth : 5;
	}

	public int results() {
		return (this.maxResults != null) ? this.maxResults : 100;
	}

}
