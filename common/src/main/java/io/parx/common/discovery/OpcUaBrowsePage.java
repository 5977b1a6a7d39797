package io.parx.common.discovery;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a node's children.
 *
 * @param nodeId the node browsed
 * @param nodes its children (objects and variables), in the server's order
 * @param nextCursor the {@code cursor} of the next page, {@code null} on the last
 */
@Schema(name = "OpcUaBrowsePage", requiredProperties = { "nodeId", "nodes", "nextCursor" })
public record OpcUaBrowsePage(String nodeId, List<OpcUaNode> nodes, @Schema(nullable = true) String nextCursor) {
}
