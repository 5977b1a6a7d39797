package io.parx.bench.demo;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;

/**
 * The demo plant's OPC UA server (Eclipse Milo): endpoint
 * {@code opc.tcp://<host>:<port>/parx-demo}, security policy None, anonymous login — a
 * demo, not a production set-up. Variables under Objects/Plant, node ids
 * {@code ns=<index>;s=Plant.FurnaceTemperature} (Double), {@code Plant.LineSpeed}
 * (Double), {@code Plant.CoilId} (String), {@code Plant.Alarm} (Boolean); the namespace
 * index is {@link #namespaceIndex()} (2 on this server).
 */
public final class OpcUaDevice implements AutoCloseable {

	/** The namespace of the plant variables. */
	public static final String NAMESPACE_URI = "urn:parx:demo:plant";

	/** Variable names (the string part of the node ids). */
	public static final String FURNACE_TEMPERATURE = "Plant.FurnaceTemperature";

	public static final String LINE_SPEED = "Plant.LineSpeed";

	public static final String COIL_ID = "Plant.CoilId";

	public static final String ALARM = "Plant.Alarm";

	private final int port;

	private final String hostname;

	private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();

	private final OpcUaServer server;

	private final PlantNamespace namespace;

	/**
	 * The number of {@code Bulk.<n>} variables, for benchmarks with many monitored items.
	 */
	private final int bulk;

	public OpcUaDevice(String hostname, int port) throws Exception {
		this(hostname, port, 0);
	}

	/**
	 * A device with {@code bulk} more Double variables {@code Bulk.0} ...
	 * {@code Bulk.<bulk-1>}, set together by {@link #updateBulk}.
	 */
	public OpcUaDevice(String hostname, int port, int bulk) throws Exception {
		this.bulk = bulk;
		this.port = port;
		this.hostname = hostname;
		KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
		X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair).setCommonName("ParX demo plant")
			.setApplicationUri("urn:parx:demo:server")
			.addDnsName("localhost")
			.addDnsName(hostname)
			.addIpAddress("127.0.0.1")
			.build();
		CertificateValidator acceptAll = (chain, applicationUri, hostnames) -> {
			// security None only: no client certificates to check
		};
		var group = new DefaultApplicationGroup(new MemoryTrustListManager(), new MemoryCertificateStore(),
				new RsaSha256CertificateFactory() {

					@Override
					public KeyPair createKeyPair(NodeId certificateTypeId) {
						return keyPair;
					}

					@Override
					protected X509Certificate[] createRsaSha256CertificateChain(KeyPair pair) {
						return new X509Certificate[] { certificate };
					}

				}, acceptAll);
		group.initialize();
		EndpointConfig.Builder base = EndpointConfig.newBuilder()
			.setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
			.setBindAddress("0.0.0.0")
			.setBindPort(port)
			.setHostname(hostname)
			.setCertificate(certificate)
			.setSecurityPolicy(SecurityPolicy.None)
			.setSecurityMode(MessageSecurityMode.None)
			.addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS);
		OpcUaServerConfig config = OpcUaServerConfig.builder()
			.setApplicationUri("urn:parx:demo:server")
			.setApplicationName(LocalizedText.english("ParX demo plant"))
			.setProductUri("urn:parx:demo")
			.setEndpoints(Set.of(base.copy().setPath("/parx-demo").build(),
					base.copy().setPath("/parx-demo/discovery").build()))
			.setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
			.setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
			.build();
		this.server = new OpcUaServer(config,
				(profile) -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
		this.namespace = new PlantNamespace(this.server);
		this.namespace.startup();
		this.server.startup().get(30, TimeUnit.SECONDS);
	}

	/** The endpoint URL clients connect to. */
	public String endpointUrl() {
		return "opc.tcp://" + this.hostname + ":" + this.port + "/parx-demo";
	}

	/** The namespace index of the plant variables. */
	public int namespaceIndex() {
		return this.server.getNamespaceTable().getIndex(NAMESPACE_URI).intValue();
	}

	/** The node id of a variable, e.g. {@code ns=2;s=Plant.CoilId}. */
	public String nodeId(String variable) {
		return "ns=" + namespaceIndex() + ";s=" + variable;
	}

	/** Publishes one state of the plant, with its time as the source timestamp. */
	public void update(PlantSimulation.State state) {
		DateTime time = new DateTime(state.time());
		set(FURNACE_TEMPERATURE, state.furnaceTemperature(), time);
		set(LINE_SPEED, state.lineSpeed(), time);
		set(COIL_ID, state.coilId(), time);
		set(ALARM, state.alarm(), time);
	}

	/**
	 * Sets every {@code Bulk.<n>} variable to the value, with the time as the source
	 * timestamp.
	 */
	public void updateBulk(double value, java.time.Instant time) {
		DateTime source = new DateTime(time);
		for (int n = 0; n < this.bulk; n++) {
			set("Bulk." + n, value, source);
		}
	}

	private void set(String variable, Object value, DateTime time) {
		UaVariableNode node = this.variables.get(variable);
		if (node != null) {
			node.setValue(new DataValue(new Variant(value), StatusCode.GOOD, time, DateTime.now()));
		}
	}

	@Override
	public void close() throws Exception {
		this.namespace.shutdown();
		this.server.shutdown().get(30, TimeUnit.SECONDS);
	}

	private final class PlantNamespace extends ManagedNamespaceWithLifecycle {

		private final SubscriptionModel subscriptionModel;

		PlantNamespace(OpcUaServer server) {
			super(server, NAMESPACE_URI);
			this.subscriptionModel = new SubscriptionModel(server, this);
			getLifecycleManager().addLifecycle(this.subscriptionModel);
			getLifecycleManager().addStartupTask(this::addNodes);
		}

		private void addNodes() {
			UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Plant"), newQualifiedName("Plant"),
					LocalizedText.english("Plant"));
			getNodeManager().addNode(folder);
			folder.addReference(
					new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
			addVariable(folder, FURNACE_TEMPERATURE, NodeIds.Double, 0.0);
			addVariable(folder, LINE_SPEED, NodeIds.Double, 0.0);
			addVariable(folder, COIL_ID, NodeIds.String, "");
			addVariable(folder, ALARM, NodeIds.Boolean, false);
			for (int n = 0; n < OpcUaDevice.this.bulk; n++) {
				addVariable(folder, "Bulk." + n, NodeIds.Double, 0.0);
			}
		}

		private void addVariable(UaFolderNode folder, String name, NodeId dataType, Object initial) {
			UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext()).setNodeId(newNodeId(name))
				.setAccessLevel(AccessLevel.READ_ONLY)
				.setUserAccessLevel(AccessLevel.READ_ONLY)
				.setBrowseName(newQualifiedName(name))
				.setDisplayName(LocalizedText.english(name))
				.setDataType(dataType)
				.setTypeDefinition(NodeIds.BaseDataVariableType)
				.build();
			node.setValue(new DataValue(new Variant(initial)));
			getNodeManager().addNode(node);
			folder.addOrganizes(node);
			OpcUaDevice.this.variables.put(name, node);
		}

		@Override
		public void onDataItemsCreated(List<DataItem> dataItems) {
			this.subscriptionModel.onDataItemsCreated(dataItems);
		}

		@Override
		public void onDataItemsModified(List<DataItem> dataItems) {
			this.subscriptionModel.onDataItemsModified(dataItems);
		}

		@Override
		public void onDataItemsDeleted(List<DataItem> dataItems) {
			this.subscriptionModel.onDataItemsDeleted(dataItems);
		}

		@Override
		public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
			this.subscriptionModel.onMonitoringModeChanged(monitoredItems);
		}

	}

}
