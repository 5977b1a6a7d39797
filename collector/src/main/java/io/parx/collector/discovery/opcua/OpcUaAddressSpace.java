package io.parx.collector.discovery.opcua;

import io.parx.common.discovery.OpcUaBrowseRequest;
import io.parx.common.discovery.OpcUaNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.parx.collector.discovery.Deadline;
import io.parx.collector.discovery.DiscoveryProblems;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.OpcUaDataTypes;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * The Browse, BrowseNext and Read services (OPC UA Part 4 §5.8.2, §5.8.3, §5.10.2) as
 * discovery uses them on one session: a node's children one page at a time, and what a
 * list of nodes shows of each (data type, access level, value, whether it has children).
 * Every request waits at most until the deadline.
 */
final class OpcUaAddressSpace {

	/** Most nodes in one page. */
	static final int MAX_PAGE = OpcUaBrowseRequest.MAX_NODES;

	/**
	 * Furthest into one node's children a page may start: a node with more children is
	 * searched by name instead.
	 */
	static final int MAX_OFFSET = 100_000;

	/**
	 * Nodes per Browse or Read request, below the operation limits servers commonly set.
	 */
	private static final int CHUNK = 100;

	/** Objects and variables: what holds or is a signal (Part 3 §5.2). */
	private static final int NODE_CLASSES = NodeClass.Object.getValue() | NodeClass.Variable.getValue();

	private static final ViewDescription WHOLE_SPACE = new ViewDescription(NodeId.NULL_VALUE, DateTime.MIN_DATE_TIME,
			uint(0));

	private static final int MAX_TEXT = 200;

	/** Common types derived from built-in ones (Part 3 §8), by their numeric id. */
	private static final Map<Integer, String> DERIVED_TYPES = Map.of(290, "Duration", 294, "UtcTime", 295, "LocaleId");

	private final OpcUaClient client;

	private final Deadline deadline;

	OpcUaAddressSpace(OpcUaClient client, Deadline deadline) {
		this.client = client;
		this.deadline = deadline;
	}

	/**
	 * References to a node's children (forward hierarchical, objects and variables) from
	 * {@code offset}, at most {@code limit} and one more to tell whether there are more.
	 * Follows continuation points and releases the last one.
	 * @throws io.parx.common.problem.ProblemException 400 {@code nodeId} for a node the
	 * server does not know
	 */
	List<ReferenceDescription> children(NodeId node, int offset, int limit) throws Exception {
		int wanted = offset + limit + 1;
		List<ReferenceDescription> references = new ArrayList<>();
		BrowseResult result = this.client
			.browseAsync(WHOLE_SPACE, uint(Math.min(wanted, MAX_PAGE)), List.of(browseDescription(node)))
			.get(this.deadline.remainingNanos(), TimeUnit.NANOSECONDS)
			.getResults()[0];
		while (true) {
			checkBrowsed(node, result.getStatusCode());
			if (result.getReferences() != null) {
				references.addAll(List.of(result.getReferences()));
			}
			ByteString continuation = result.getContinuationPoint();
			boolean more = continuation != null && continuation.isNotNull();
			if (!more) {
				return references;
			}
			if (references.size() >= wanted) {
				// the server holds the rest for this session until released (Part 4
				// §5.8.3)
				this.client.browseNextAsync(true, List.of(continuation));
				return references;
			}
			result = this.client.browseNextAsync(false, List.of(continuation))
				.get(this.deadline.remainingNanos(), TimeUnit.NANOSECONDS)
				.getResults()[0];
		}
	}

	/** The server's namespace table, to resolve the expanded node ids of references. */
	org.eclipse.milo.opcua.stack.core.NamespaceTable namespaces() {
		return this.client.getNamespaceTable();
	}

	/** The nodes the references point to, described; nodes on other servers left out. */
	List<OpcUaNode> describe(List<ReferenceDescription> references) throws Exception {
		List<NodeId> ids = new ArrayList<>();
		List<ReferenceDescription> local = new ArrayList<>();
		for (ReferenceDescription reference : references) {
			reference.getNodeId().toNodeId(this.client.getNamespaceTable()).ifPresent((id) -> {
				ids.add(id);
				local.add(reference);
			});
		}
		boolean[] hasChildren = hasChildren(ids);
		List<OpcUaNode> nodes = new ArrayList<>(ids.size());
		List<Integer> variables = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			ReferenceDescription reference = local.get(i);
			nodes.add(new OpcUaNode(ids.get(i).toParseableString(), name(reference.getBrowseName()),
					text(reference.getDisplayName()), String.valueOf(reference.getNodeClass()), null, null, null, null,
					null, hasChildren[i], null));
			if (reference.getNodeClass() == NodeClass.Variable) {
				variables.add(i);
			}
		}
		for (int from = 0; from < variables.size(); from += CHUNK) {
			List<Integer> chunk = variables.subList(from, Math.min(variables.size(), from + CHUNK));
			List<ReadValueId> reads = new ArrayList<>(chunk.size() * 4);
			for (int index : chunk) {
				NodeId id = ids.get(index);
				for (AttributeId attribute : List.of(AttributeId.DataType, AttributeId.ValueRank,
						AttributeId.AccessLevel, AttributeId.Value)) {
					reads.add(new ReadValueId(id, attribute.uid(), null, QualifiedName.NULL_VALUE));
				}
			}
			DataValue[] values = this.client.readAsync(0, TimestampsToReturn.Neither, reads)
				.get(this.deadline.remainingNanos(), TimeUnit.NANOSECONDS)
				.getResults();
			for (int k = 0; k < chunk.size(); k++) {
				int index = chunk.get(k);
				nodes.set(index, variable(nodes.get(index), values[4 * k], values[4 * k + 1], values[4 * k + 2],
						values[4 * k + 3]));
			}
		}
		return nodes;
	}

	/** Whether each node has children: one reference each is enough to know. */
	private boolean[] hasChildren(List<NodeId> ids) throws Exception {
		boolean[] answer = new boolean[ids.size()];
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<BrowseDescription> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK))
				.stream()
				.map(OpcUaAddressSpace::browseDescription)
				.toList();
			BrowseResult[] results = this.client.browseAsync(WHOLE_SPACE, uint(1), chunk)
				.get(this.deadline.remainingNanos(), TimeUnit.NANOSECONDS)
				.getResults();
			List<ByteString> held = new ArrayList<>();
			for (int i = 0; i < results.length; i++) {
				ReferenceDescription[] references = results[i].getReferences();
				answer[from + i] = references != null && references.length > 0;
				ByteString continuation = results[i].getContinuationPoint();
				if (continuation != null && continuation.isNotNull()) {
					held.add(continuation);
				}
			}
			if (!held.isEmpty()) {
				this.client.browseNextAsync(true, held);
			}
		}
		return answer;
	}

	private static OpcUaNode variable(OpcUaNode node, DataValue dataType, DataValue valueRank, DataValue accessLevel,
			DataValue value) {
		String typeName = (dataType.getValue().getValue() instanceof NodeId type) ? typeName(type) : null;
		boolean scalar = !(valueRank.getValue().getValue() instanceof Integer rank) || rank == -1;
		DataType channelType = scalar ? OpcUaDataTypes.channelType(typeName).orElse(null) : null;
		List<String> access = null;
		if (accessLevel.getValue().getValue() instanceof Number bits) {
			EnumSet<AccessLevel> levels = AccessLevel.fromValue(bits.intValue());
			access = levels.stream().map(Enum::name).toList();
		}
		StatusCode status = value.getStatusCode();
		String valueStatus = (status == null || status.isGood()) ? null
				: StatusCodes.lookup(status.getValue()).map((names) -> names[0]).orElse(status.toString());
		return new OpcUaNode(node.nodeId(), node.browseName(), node.displayName(), node.nodeClass(), typeName,
				channelType, access, plain(value.getValue()), valueStatus, node.hasChildren(), null);
	}

	/** A built-in type's name, a few well-known derived ones, else the type's node id. */
	static String typeName(NodeId type) {
		OpcUaDataType builtin = OpcUaDataType.fromNodeId(type);
		if (builtin != null) {
			return builtin.name();
		}
		if (type.getNamespaceIndex().intValue() == 0 && type.getIdentifier() instanceof Number id
				&& DERIVED_TYPES.containsKey(id.intValue())) {
			return DERIVED_TYPES.get(id.intValue());
		}
		return type.toParseableString();
	}

	/**
	 * A value as JSON shows it: numbers, booleans and text; anything else as short text.
	 */
	static Object plain(Variant variant) {
		Object raw = (variant != null) ? variant.getValue() : null;
		return switch (raw) {
			case null -> null;
			case Boolean b -> b;
			case Double d when d.isNaN() || d.isInfinite() -> d.toString();
			case Float f when f.isNaN() || f.isInfinite() -> f.toString();
			case Number n ->
				(n instanceof Double || n instanceof Float) ? n.doubleValue() : new java.math.BigDecimal(n.toString());
			case LocalizedText text -> cut(text.text());
			case DateTime time -> time.getJavaInstant().toString();
			case String text -> cut(text);
			default -> raw.getClass().isArray() ? "[" + java.lang.reflect.Array.getLength(raw) + " values]"
					: cut(String.valueOf(raw));
		};
	}

	/** The status of a browse: an unknown node is the caller's mistake, named. */
	private static void checkBrowsed(NodeId node, StatusCode status) {
		if (status == null || status.isGood()) {
			return;
		}
		long code = status.getValue();
		String name = StatusCodes.lookup(code).map((names) -> names[0]).orElse(status.toString());
		if (code == StatusCodes.Bad_NodeIdUnknown || code == StatusCodes.Bad_NodeIdInvalid) {
			throw DiscoveryProblems.invalid("nodeId",
					"the server has no node " + node.toParseableString() + " (" + name + ")");
		}
		throw DiscoveryProblems.failed("the server refused to browse " + node.toParseableString() + ": " + name);
	}

	private static BrowseDescription browseDescription(NodeId node) {
		return new BrowseDescription(node, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true,
				uint(NODE_CLASSES), uint(BrowseResultMask.All.getValue()));
	}

	static String name(QualifiedName name) {
		return (name != null && name.name() != null) ? name.name() : "";
	}

	private static String text(LocalizedText text) {
		return (text != null && text.text() != null) ? text.text() : "";
	}

	private static String cut(String text) {
		return (text != null && text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) + "…" : text;
	}

}
