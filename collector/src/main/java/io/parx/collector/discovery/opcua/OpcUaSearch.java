package io.parx.collector.discovery.opcua;

import io.parx.common.discovery.OpcUaNode;
import io.parx.common.discovery.OpcUaSearchRequest;
import io.parx.common.discovery.OpcUaSearchResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.parx.collector.discovery.Deadline;
import io.parx.common.problem.ProblemException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * Looks for nodes by name below a start node, breadth first, level by level: bounded in
 * depth, results, nodes looked at and time. It answers what it found when a bound stops
 * it and says which one, so a huge address space gives a partial answer in time rather
 * than none. Nodes reached twice (address spaces are graphs, not trees) are looked at
 * once.
 */
final class OpcUaSearch {

	static final int MAX_DEPTH = OpcUaSearchRequest.MAX_DEPTH;

	static final int MAX_RESULTS = OpcUaSearchRequest.MAX_RESULTS;

	/** Nodes looked at in one search. */
	static final int MAX_VISITED = 20_000;

	/** Children of one node looked at. */
	private static final int MAX_CHILDREN = 10_000;

	private final OpcUaAddressSpace space;

	private final Deadline deadline;

	OpcUaSearch(OpcUaAddressSpace space, Deadline deadline) {
		this.space = space;
		this.deadline = deadline;
	}

	OpcUaSearchResult search(NodeId start, String query, int maxDepth, int maxResults) throws Exception {
		String needle = query.strip().toLowerCase(Locale.ROOT);
		// time kept back to describe the matches (their values) once the walk stops
		long reserve = Math.min(this.deadline.limit().toNanos() / 4, 2_000_000_000L);
		List<ReferenceDescription> matches = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		Set<NodeId> seen = new HashSet<>();
		seen.add(start);
		Deque<Level> queue = new ArrayDeque<>();
		queue.add(new Level(start, "", 0));
		int visited = 0;
		String truncated = null;
		walk: while (!queue.isEmpty()) {
			Level level = queue.poll();
			if (this.deadline.remainingNanos() < reserve) {
				truncated = "time";
				break;
			}
			List<ReferenceDescription> children;
			try {
				children = this.space.children(level.node(), 0, MAX_CHILDREN);
			}
			catch (ProblemException ex) {
				if (level.depth() == 0) {
					throw ex;
				}
				// a node below that the server will not browse hides only its own
				// children
				continue;
			}
			for (ReferenceDescription child : children) {
				NodeId id = child.getNodeId().toNodeId(this.space.namespaces()).orElse(null);
				if (id == null || !seen.add(id)) {
					continue;
				}
				if (++visited > MAX_VISITED) {
					visited = MAX_VISITED;
					truncated = "maxVisited";
					break walk;
				}
				String name = OpcUaAddressSpace.name(child.getBrowseName());
				String path = level.path().isEmpty() ? name : level.path() + "/" + name;
				if (matches(child, name, needle)) {
					if (matches.size() == maxResults) {
						truncated = "maxResults";
						break walk;
					}
					matches.add(child);
					paths.add(path);
				}
				if (level.depth() + 1 < maxDepth) {
					queue.add(new Level(id, path, level.depth() + 1));
				}
			}
		}
		List<OpcUaNode> described = this.space.describe(matches);
		List<OpcUaNode> nodes = new ArrayList<>(described.size());
		for (int i = 0; i < described.size(); i++) {
			nodes.add(described.get(i).withPath(paths.get(i)));
		}
		return new OpcUaSearchResult(start.toParseableString(), nodes, visited, truncated);
	}

	private static boolean matches(ReferenceDescription child, String name, String needle) {
		String display = (child.getDisplayName() != null) ? child.getDisplayName().text() : null;
		return name.toLowerCase(Locale.ROOT).contains(needle)
				|| (display != null && display.toLowerCase(Locale.ROOT).contains(needle));
	}

	private record Level(NodeId node, String path, int depth) {
	}

}
