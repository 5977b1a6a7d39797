package io.parx.common.discovery;

import io.parx.common.config.channel.OpcUaSettings.Authentication;
import io.parx.common.config.channel.OpcUaSettings.SecurityMode;
import io.parx.common.config.channel.OpcUaSettings.SecurityPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/collector/discovery/opcua/browse}: a server as a channel
 * would reach it, the node whose children to list and the page.
 *
 * @param endpointUrl {@code opc.tcp://host:port/path}
 * @param securityPolicy as a channel's, None by default
 * @param securityMode as a channel's
 * @param authentication as a channel's, ANONYMOUS by default
 * @param username for USERNAME
 * @param password for USERNAME; never logged nor answered
 * @param nodeId the node to browse, the Objects folder ({@code i=85}) when absent
 * @param cursor {@code nextCursor} of the previous page
 * @param maxNodes nodes per page, 200 when absent
 * @param timeoutMs time limit, the collector's default (10 s) when absent
 */
public record OpcUaBrowseRequest(@NotBlank @Size(max = 2000) String endpointUrl, SecurityPolicy securityPolicy,
		SecurityMode securityMode, Authentication authentication, @Size(max = 200) String username,
		@Size(max = 1000) String password, @Size(max = 4200) String nodeId,
		@Schema(description = "nextCursor of the previous page") @Size(max = 20) @Pattern(
				regexp = "[0-9]{1,9}") String cursor,
		@Min(1) @Max(MAX_NODES) Integer maxNodes, @Min(1) @Max(60_000) Integer timeoutMs) implements OpcUaTarget {

	/** Most nodes of one page. */
	public static final int MAX_NODES = 1000;

	/** Never shows the password (requests may end up in logs). */
	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.endpointUrl + ", " + this.nodeId + ", password=******]";
	}

	public int pageSize() {
		return (this.maxNodes != null) ? this.maxNodes : 200;
	}

}
