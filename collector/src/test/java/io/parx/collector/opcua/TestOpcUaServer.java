package io.parx.collector.opcua;

import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashSet;
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
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
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
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

/**
 * A real Milo OPC UA server for the tests, on a port of its own, with endpoints for None
 * and every supported security policy, anonymous and username ({@value #USERNAME} /
 * {@value #PASSWORD}) login, and a namespace of writable variables the test changes. Its
 * certificate survives {@link #restart()}, like a real server's.
 */
final class TestOpcUaServer implements AutoCloseable {

	static final String NAMESPACE_URI = "urn:parx:test:plant";

	static final String USERNAME = "operator";

	static final String PASSWORD = "s3cret";

	private static final KeyPair KEY_PAIR;

	private static final X509Certificate CERTIFICATE;

	static {
		try {
			KEY_PAIR = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
			CERTIFICATE = new SelfSignedCertificateBuilder(KEY_PAIR).setCommonName("ParX test server")
				.setApplicationUri("urn:parx:test:server")
				.addDnsName("localhost")
				.addIpAddress("127.0.0.1")
				.build();
		}
		catch (Exception ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final int port;

	private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();

	private final Map<String, DataValue> values = new ConcurrentHashMap<>();

	private OpcUaServer server;

	private PlantNamespace namespace;

	private boolean site;

	private TestOpcUaServer(int port) {
		this.port = port;
	}

	/**
	 * A server that also has a nested address space to discover, Objects/Site:
	 * {@code Line1/{Temperature (Double 21.5), Speed (Float), Pump/{Running (Boolean),
	 * Pressure (UInt16, read only)}}}, {@code Line2/{Temperature (Double 19.0), Levels
	 * (Double[3])}} and {@code Many/Point000..Point449} (Int32) for paging.
	 */
	static TestOpcUaServer startWithSite() throws Exception {
		return start(true);
	}

	static TestOpcUaServer start() throws Exception {
		return start(false);
	}

	private static TestOpcUaServer start(boolean site) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		TestOpcUaServer server = new TestOpcUaServer(port);
		server.site = site;
		server.values.put("Temperature", new DataValue(new Variant(20.0)));
		server.values.put("Counter", new DataValue(new Variant(0)));
		server.values.put("Running", new DataValue(new Variant(false)));
		server.values.put("Label", new DataValue(new Variant("idle")));
		server.startServer();
		return server;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "opc.tcp://127.0.0.1:" + this.port + "/parx";
	}

	String nodeId(String variable) {
		int index = this.server.getNamespaceTable().getIndex(NAMESPACE_URI).intValue();
		return "ns=" + index + ";s=" + variable;
	}

	X509Certificate certificate() {
		return CERTIFICATE;
	}

	/** Sets a variable's value with the given source timestamp. */
	void set(String variable, Object value, Instant sourceTime) {
		DataValue dataValue = new DataValue(new Variant(value), StatusCode.GOOD, new DateTime(sourceTime));
		this.values.put(variable, dataValue);
		this.variables.get(variable).setValue(dataValue);
	}

	/** Sets a variable's status, e.g. Bad_SensorFailure, keeping its value. */
	void setStatus(String variable, long statusCode, Instant sourceTime) {
		DataValue dataValue = new DataValue(this.values.get(variable).getValue(), new StatusCode(statusCode),
				new DateTime(sourceTime));
		this.values.put(variable, dataValue);
		this.variables.get(variable).setValue(dataValue);
	}

	Object get(String variable) {
		return this.variables.get(variable).getValue().getValue().getValue();
	}

	/** Stops and starts a new server instance on the same port: all sessions are gone. */
	void restart() throws Exception {
		stopServer();
		startServer();
	}

	void stop() throws Exception {
		stopServer();
	}

	private void startServer() throws Exception {
		var trustList = new MemoryTrustListManager();
		CertificateValidator acceptClients = (chain, applicationUri, hostnames) -> {
			// a test server: the client side's trust handling is what is under test
		};
		var group = new DefaultApplicationGroup(trustList, new MemoryCertificateStore(),
				new RsaSha256CertificateFactory() {

					@Override
					public KeyPair createKeyPair(NodeId certificateTypeId) {
						return KEY_PAIR;
					}

					@Override
					protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
						return new X509Certificate[] { CERTIFICATE };
					}

				}, acceptClients);
		group.initialize();
		var certificateManager = new DefaultCertificateManager(new MemoryCertificateQuarantine(), group);
		OpcUaServerConfig config = OpcUaServerConfig.builder()
			.setApplicationUri("urn:parx:test:server")
			.setApplicationName(LocalizedText.english("ParX test server"))
			.setProductUri("urn:parx:test")
			.setEndpoints(endpoints())
			.setCertificateManager(certificateManager)
			.setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
					new UsernameIdentityValidator((challenge) -> USERNAME.equals(challenge.getUsername())
							&& PASSWORD.equals(challenge.getPassword()))))
			.build();
		this.server = new OpcUaServer(config,
				(profile) -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
		this.namespace = new PlantNamespace(this.server);
		this.namespace.startup();
		this.server.startup().get(20, TimeUnit.SECONDS);
	}

	private Set<EndpointConfig> endpoints() {
		Set<EndpointConfig> endpoints = new LinkedHashSet<>();
		EndpointConfig.Builder base = EndpointConfig.newBuilder()
			.setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
			.setBindAddress("127.0.0.1")
			.setBindPort(this.port)
			.setHostname("127.0.0.1")
			.setPath("/parx")
			.setCertificate(CERTIFICATE)
			.addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USER_TOKEN_POLICY_USERNAME);
		endpoints
			.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
		for (SecurityPolicy policy : List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep,
				SecurityPolicy.Aes256_Sha256_RsaPss)) {
			for (MessageSecurityMode mode : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
				endpoints.add(base.copy().setSecurityPolicy(policy).setSecurityMode(mode).build());
			}
		}
		endpoints.add(base.copy()
			.setPath("/parx/discovery")
			.setSecurityPolicy(SecurityPolicy.None)
			.setSecurityMode(MessageSecurityMode.None)
			.build());
		return endpoints;
	}

	private void stopServer() throws Exception {
		if (this.server != null) {
			this.namespace.shutdown();
			this.server.shutdown().get(20, TimeUnit.SECONDS);
			this.server = null;
		}
	}

	@Override
	public void close() throws Exception {
		stopServer();
	}

	/** The test variables under Objects/Plant, values kept across restarts. */
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
			addVariable(folder, "Temperature", NodeIds.Double);
			addVariable(folder, "Counter", NodeIds.Int32);
			addVariable(folder, "Running", NodeIds.Boolean);
			addVariable(folder, "Label", NodeIds.String);
			if (TestOpcUaServer.this.site) {
				addSite();
			}
		}

		private void addSite() {
			UaFolderNode site = folder("Site", "Site");
			site.addReference(
					new Reference(site.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
			UaFolderNode line1 = folder("Site.Line1", "Line1");
			site.addOrganizes(line1);
			addSiteVariable(line1, "Site.Line1.Temperature", "Temperature", NodeIds.Double, new Variant(21.5),
					AccessLevel.READ_WRITE);
			addSiteVariable(line1, "Site.Line1.Speed", "Speed", NodeIds.Float, new Variant(3.25f),
					AccessLevel.READ_ONLY);
			UaFolderNode pump = folder("Site.Line1.Pump", "Pump");
			line1.addOrganizes(pump);
			addSiteVariable(pump, "Site.Line1.Pump.Running", "Running", NodeIds.Boolean, new Variant(true),
					AccessLevel.READ_WRITE);
			addSiteVariable(pump, "Site.Line1.Pump.Pressure", "Pressure", NodeIds.UInt16,
					new Variant(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort.valueOf(512)),
					AccessLevel.READ_ONLY);
			UaFolderNode line2 = folder("Site.Line2", "Line2");
			site.addOrganizes(line2);
			addSiteVariable(line2, "Site.Line2.Temperature", "Temperature", NodeIds.Double, new Variant(19.0),
					AccessLevel.READ_ONLY);
			UaVariableNode levels = addSiteVariable(line2, "Site.Line2.Levels", "Levels", NodeIds.Double,
					new Variant(new Double[] { 1.0, 2.0, 3.0 }), AccessLevel.READ_ONLY);
			levels.setValueRank(1);
			UaFolderNode many = folder("Site.Many", "Many");
			site.addOrganizes(many);
			for (int i = 0; i < 450; i++) {
				String name = String.format("Point%03d", i);
				addSiteVariable(many, "Site.Many." + name, name, NodeIds.Int32, new Variant(i), AccessLevel.READ_ONLY);
			}
		}

		private UaFolderNode folder(String id, String name) {
			UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name),
					LocalizedText.english(name));
			getNodeManager().addNode(folder);
			return folder;
		}

		private UaVariableNode addSiteVariable(UaFolderNode folder, String id, String name, NodeId dataType,
				Variant value, java.util.Set<AccessLevel> access) {
			UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext()).setNodeId(newNodeId(id))
				.setAccessLevel(access)
				.setUserAccessLevel(access)
				.setBrowseName(newQualifiedName(name))
				.setDisplayName(LocalizedText.english(name))
				.setDataType(dataType)
				.setTypeDefinition(NodeIds.BaseDataVariableType)
				.build();
			node.setValue(new DataValue(value));
			getNodeManager().addNode(node);
			folder.addOrganizes(node);
			return node;
		}

		private void addVariable(UaFolderNode folder, String name, NodeId dataType) {
			UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext()).setNodeId(newNodeId(name))
				.setAccessLevel(AccessLevel.READ_WRITE)
				.setUserAccessLevel(AccessLevel.READ_WRITE)
				.setBrowseName(newQualifiedName(name))
				.setDisplayName(LocalizedText.english(name))
				.setDataType(dataType)
				.setTypeDefinition(NodeIds.BaseDataVariableType)
				.build();
			node.setValue(TestOpcUaServer.this.values.get(name));
			getNodeManager().addNode(node);
			folder.addOrganizes(node);
			TestOpcUaServer.this.variables.put(name, node);
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
