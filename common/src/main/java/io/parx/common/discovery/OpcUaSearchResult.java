package io.parx.common.discovery;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The nodes below a start node whose name contains the query.
 *
 * @param nodeId where the search started
 * @param nodes the matches with their {@code path}, in breadth-first order
 * @param visited nodes looked at
 * @param truncated why the search stopped before looking everywhere within
 * {@code maxDepth}: {@code maxResults}, {@code maxVisited} or {@code time}; {@code null}
 * when it did not
 */
@Schema(name = "OpcUaSearchResult", requiredProperties = { "nodeId", "nodes", "visited", "truncated" })
public record OpcUaSearchResult(String nodeId, List<OpcUaNode> nodes, int visited,
		@Schema(nullable = true, allowableValues = {
				"maxResults", "maxVisited", "time" }) String truncated){
}
