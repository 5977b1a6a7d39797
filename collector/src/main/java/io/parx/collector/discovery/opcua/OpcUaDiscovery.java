package io.parx.collector.discovery.opcua;

import io.parx.common.discovery.OpcUaBrowsePage;
import io.parx.common.discovery.OpcUaBrowseRequest;
import io.parx.common.discovery.OpcUaSearchRequest;
import io.parx.common.discovery.OpcUaSearchResult;
import io.parx.common.discovery.OpcUaTarget;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.parx.collector.discovery.Deadline;
import io.parx.collector.discovery.DiscoveryProblems;
import io.parx.collector.discovery.DiscoveryRunner;
import io.parx.collector.opcua.OpcUaClients;
import io.parx.collector.opcua.OpcUaEndpoint;
import io.parx.collector.opcua.OpcUaEngine;
import io.parx.common.config.FieldProblem;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.channel.NodeId;
import io.parx.common.problem.ProblemException;
import io.parx.common.problem.Problems;
import io.parx.common.problem.Problems.FieldError;
import io.parx.common.web.TextRules;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

import org.springframework.stereotype.Component;

/**
 * Browses and searches an OPC UA server's address space for the engineer who picks
 * channels (issue #20): on the running session for the endpoint when the collector has
 * one, else on a temporary session with the channel's security and identity, certificates
 * checked against the collector's trust list as for channels; on the discovery executor,
 * within the request's time limit.
 */
@Component
class OpcUaDiscovery {

	/** The Objects folder (Part 5 §8.2.4): where a plant's nodes are. */
	static final String OBJECTS_FOLDER = "i=85";

	private final OpcUaEngine engine;

	private final DiscoveryRunner runner;

	OpcUaDiscovery(OpcUaEngine engine, DiscoveryRunner runner) {
		this.engine = engine;
		this.runner = runner;
	}

	OpcUaBrowsePage browse(OpcUaBrowseRequest request) {
		OpcUaEndpoint endpoint = endpoint(request);
		org.eclipse.milo.opcua.stack.core.types.builtin.NodeId node = node(request.nodeId());
		int offset = (request.cursor() != null) ? Integer.parseInt(request.cursor()) : 0;
		if (offset > OpcUaAddressSpace.MAX_OFFSET) {
			throw DiscoveryProblems.invalid("cursor", "a page starts at most " + OpcUaAddressSpace.MAX_OFFSET
					+ " nodes in; search by name for nodes further down");
		}
		int limit = request.pageSize();
		return onServer(endpoint, this.runner.limit(request.timeoutMs()), (space, deadline) -> {
			List<ReferenceDescription> references = space.children(node, offset, limit);
			boolean more = references.size() > offset + limit;
			List<ReferenceDescription> page = (offset >= references.size()) ? List.of()
					: references.subList(offset, Math.min(references.size(), offset + limit));
			return new OpcUaBrowsePage(node.toParseableString(), space.describe(page),
					more ? Integer.toString(offset + limit) : null);
		});
	}

	OpcUaSearchResult search(OpcUaSearchRequest request) {
		OpcUaEndpoint endpoint = endpoint(request);
		org.eclipse.milo.opcua.stack.core.types.builtin.NodeId node = node(request.nodeId());
		return onServer(endpoint, this.runner.limit(request.timeoutMs()),
				(space, deadline) -> new OpcUaSearch(space, deadline).search(node, request.query(), request.depth(),
						request.results()));
	}

	private <T> T onServer(OpcUaEndpoint endpoint, Duration limit, SpaceCall<T> call) {
		return this.runner.run(endpoint.url(), limit, (deadline) -> {
			try {
				return this.engine.withSession(endpoint, deadline.nanos(),
						(client, nanos) -> call.apply(new OpcUaAddressSpace(client, deadline), deadline));
			}
			catch (ProblemException | InterruptedException ex) {
				throw ex;
			}
			catch (TimeoutException ex) {
				throw DiscoveryProblems.timeout(endpoint.url(), limit);
			}
			catch (Exception ex) {
				throw DiscoveryProblems.failed(endpoint.url() + ": " + OpcUaClients.describe(ex));
			}
		});
	}

	/** The server's settings with the channel contract; 400 naming every bad field. */
	private static OpcUaEndpoint endpoint(OpcUaTarget target) {
		try {
			return OpcUaEndpoint.of(target.connection());
		}
		catch (InvalidSettingsException ex) {
			throw Problems.validation(ex.problems()
				.stream()
				.limit(20)
				.map((FieldProblem p) -> new FieldError(TextRules.prefix(p.field()), TextRules.prefix(p.message())))
				.toList());
		}
		catch (IllegalArgumentException ex) {
			throw DiscoveryProblems.invalid("endpointUrl", String.valueOf(ex.getMessage()));
		}
	}

	private static org.eclipse.milo.opcua.stack.core.types.builtin.NodeId node(String text) {
		try {
			NodeId parsed = NodeId.parse((text != null && !text.isBlank()) ? text : OBJECTS_FOLDER);
			org.eclipse.milo.opcua.stack.core.types.builtin.NodeId node = org.eclipse.milo.opcua.stack.core.types.builtin.NodeId
				.parseOrNull(parsed.toString());
			if (node == null) {
				throw new IllegalArgumentException("must be a node id like ns=2;s=Line1.Temp or i=85");
			}
			return node;
		}
		catch (IllegalArgumentException ex) {
			throw DiscoveryProblems.invalid("nodeId", String.valueOf(ex.getMessage()));
		}
	}

	@FunctionalInterface
	private interface SpaceCall<T> {

		T apply(OpcUaAddressSpace space, Deadline deadline) throws Exception;

	}

}
