package io.parx.collector.opcua;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.ReadResult;
import io.parx.common.config.DataType;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.db.test.TcpProxy;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.parx.collector.opcua.OpcUaChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OPC UA engine against a real Milo server started by the test. Milo's session state
 * machine waits up to 16 s between reconnect attempts, hence the generous timeouts.
 */
class OpcUaEngineIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(45);

	private static TestOpcUaServer server;

	@TempDir
	Path pkiDir;

	private final CollectingSink sink = new CollectingSink();

	private OpcUaPki pki;

	private OpcUaEngine engine;

	@BeforeAll
	static void startServer() throws Exception {
		server = TestOpcUaServer.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@BeforeEach
	void createEngine() {
		OpcUaSettings settings = OpcUaSettings.defaults(this.pkiDir)
			.withTiming(Duration.ofMillis(100), Duration.ofSeconds(2));
		this.pki = new OpcUaPki(this.pkiDir, settings.applicationUri(), settings.keystorePassword());
		this.engine = new OpcUaEngine(this.sink, settings, this.pki, new SimpleMeterRegistry());
	}

	@AfterEach
	void closeEngine() {
		this.engine.close();
		this.pki.close();
	}

	@Test
	void valuesTheServerDropsFromAFullQueueAreCountedAsSourceLosses() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpcUaSettings settings = OpcUaSettings.defaults(this.pkiDir)
			.withTiming(Duration.ofMillis(500), Duration.ofSeconds(2))
			.withQueueSize(2);
		AtomicBoolean changing = new AtomicBoolean(true);
		try (OpcUaEngine engine = new OpcUaEngine(this.sink, settings, this.pki, registry)) {
			engine.apply(List
				.of(channel(9, server, "Counter").dataType(DataType.INT32).setting("samplingIntervalMs", 10).build()));
			// sampled every 10 ms (or the server's fastest rate), published every 500 ms
			// into a queue of two:
			// with a queue of one the server sets no Overflow bit (Part 4 §5.12.1.5)
			Thread.ofPlatform().daemon().start(() -> {
				for (int i = 0; changing.get(); i++) {
					server.set("Counter", i, Instant.now());
					LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
				}
			});
			await().atMost(WAIT)
				.until(() -> registry.get("parx.collector.source.losses").tag("protocol", "OPCUA").counter().count(),
						(losses) -> losses > 10);
		}
		finally {
			changing.set(false);
		}
	}

	@Test
	void aQueueLargeEnoughForThePublishingIntervalLosesNothing() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpcUaSettings settings = OpcUaSettings.defaults(this.pkiDir)
			.withTiming(Duration.ofMillis(100), Duration.ofSeconds(2));
		AtomicBoolean changing = new AtomicBoolean(true);
		try (OpcUaEngine engine = new OpcUaEngine(this.sink, settings, this.pki, registry)) {
			engine.apply(List
				.of(channel(9, server, "Counter").dataType(DataType.INT32).setting("samplingIntervalMs", 50).build()));
			Thread.ofPlatform().daemon().start(() -> {
				for (int i = 0; changing.get(); i++) {
					server.set("Counter", i, Instant.now());
					LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
				}
			});
			// two publishes' worth of sampling fits the default queue of ten
			await().atMost(WAIT).until(() -> this.sink.of(9).size() > 20);
			assertThat(registry.get("parx.collector.source.losses").tag("protocol", "OPCUA").counter().count())
				.isZero();
		}
		finally {
			changing.set(false);
		}
	}

	@Test
	void subscriptionDeliversValuesWithTheServersSourceTimestamp() {
		// OPC UA Part 4 §7.7.3: the source timestamp is when the value was sampled at the
		// source
		this.engine.apply(List.of(channel(1, server, "Temperature").build(),
				channel(2, server, "Counter").dataType(DataType.INT32).scaled(10, 0).build(),
				channel(3, server, "Running").dataType(DataType.BOOL).build(),
				channel(4, server, "Label").dataType(DataType.STRING).build()));
		awaitConnected();

		Instant t1 = Instant.now().minus(5, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MICROS);
		server.set("Temperature", 21.5, t1);
		server.set("Counter", 7, t1);
		server.set("Running", true, t1);
		server.set("Label", "coil 4711", t1);

		await().atMost(WAIT).until(() -> hasValue(1, 21.5) && hasValue(2, 70.0) && hasValue(3, 1.0));
		await().atMost(WAIT).until(() -> SampleValue.of("coil 4711").equals(value(4)));
		assertThat(lastWith(1, 21.5).time()).isEqualTo(t1);
		assertThat(lastWith(1, 21.5).quality()).isEqualTo(Quality.GOOD);
		assertThat(this.engine.status().channels()).hasSize(4);
	}

	@Test
	void serverStatusCodePassesThroughAsQuality() {
		this.engine.apply(List.of(channel(1, server, "Counter").dataType(DataType.INT32).build()));
		awaitConnected();

		server.setStatus("Counter", StatusCodes.Bad_SensorFailure, Instant.now());
		await().atMost(WAIT).until(() -> {
			Sample last = this.sink.last(1);
			return last != null && last.quality() == (int) StatusCodes.Bad_SensorFailure;
		});
		assertThat(this.sink.last(1).value()).isNull();

		server.setStatus("Counter", StatusCodes.Uncertain_LastUsableValue, Instant.now());
		await().atMost(WAIT).until(() -> this.sink.last(1).quality() == Quality.UNCERTAIN_LAST_USABLE_VALUE);
		assertThat(this.sink.last(1).value()).isNotNull();
	}

	@Test
	void secureEndpointIsRefusedUntilTheAdministratorTrustsTheServerCertificate() throws Exception {
		// OPC UA Part 4 §6.1.3: a certificate that is not trusted is rejected, never
		// silently accepted
		this.engine
			.apply(List.of(channel(1, server, "Temperature").security("Basic256Sha256", "SignAndEncrypt").build()));

		await().atMost(WAIT).until(() -> rejected().findAny().isPresent());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.engine.status().connections().getFirst().lastError()).isNotNull());
		assertThat(this.engine.status().connections().getFirst().state()).isNotEqualTo(ConnectionStatus.CONNECTED);
		assertThat(this.sink.of(1)).noneMatch(Sample::isGood);
		// the channel says why it has no data
		await().atMost(WAIT)
			.until(() -> this.sink.last(1) != null
					&& this.sink.last(1).quality() == (int) StatusCodes.Bad_SecurityChecksFailed);

		// what an administrator does through the API
		OpcUaCertificates certificates = new OpcUaCertificates(this.pki);
		assertThat(certificates.rejected()).singleElement()
			.satisfies((rejected) -> assertThat(rejected.applicationUri()).isEqualTo("urn:parx:test:server"));
		assertThat(certificates.trust(certificates.rejected().getFirst().thumbprint())).isPresent();

		awaitConnected();
		server.set("Temperature", 30.25, Instant.now());
		await().atMost(WAIT).until(() -> hasValue(1, 30.25));
	}

	@Test
	void everySecurityPolicyAndModeWorksOnceTheServerIsTrusted() throws Exception {
		trustServer();
		List<String[]> combinations = List.of(new String[] { "Basic256Sha256", "Sign" },
				new String[] { "Aes128_Sha256_RsaOaep", "Sign" },
				new String[] { "Aes128_Sha256_RsaOaep", "SignAndEncrypt" },
				new String[] { "Aes256_Sha256_RsaPss", "Sign" },
				new String[] { "Aes256_Sha256_RsaPss", "SignAndEncrypt" });
		long id = 1;
		List<ChannelConfig> channels = new java.util.ArrayList<>();
		for (String[] combination : combinations) {
			channels.add(channel(id++, server, "Temperature").security(combination[0], combination[1]).build());
		}
		this.engine.apply(channels);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.engine.status().connections()).hasSize(combinations.size())
				.allSatisfy((connection) -> assertThat(connection.state()).isEqualTo(ConnectionStatus.CONNECTED)));
		server.set("Temperature", 12.5, Instant.now());
		await().atMost(WAIT)
			.until(() -> Stream.iterate(1L, (n) -> n + 1)
				.limit(combinations.size())
				.allMatch((n) -> hasValue(n, 12.5)));
	}

	@Test
	void usernameLoginWorksAndAWrongPasswordIsReported() throws Exception {
		trustServer();
		this.engine.apply(List.of(
				channel(1, server, "Temperature").user(TestOpcUaServer.USERNAME, TestOpcUaServer.PASSWORD).build(),
				channel(2, server, "Temperature").user(TestOpcUaServer.USERNAME, "wrong").build()));

		server.set("Temperature", 18.75, Instant.now());
		await().atMost(WAIT).until(() -> hasValue(1, 18.75));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.engine.status().connections())
				.filteredOn((connection) -> !ConnectionStatus.CONNECTED.equals(connection.state()))
				.singleElement()
				.satisfies((connection) -> assertThat(connection.lastError()).containsIgnoringCase("Bad_")));
		assertThat(this.sink.of(2)).noneMatch(Sample::isGood);
	}

	@Test
	void passwordIsNotSentToAServerWhoseCertificateIsNotTrusted() throws Exception {
		// Part 4 §7.36.4: the password is encrypted for the server certificate; an
		// unverified
		// certificate could be an impostor's
		this.engine.apply(List
			.of(channel(1, server, "Temperature").user(TestOpcUaServer.USERNAME, TestOpcUaServer.PASSWORD).build()));

		await().atMost(WAIT).until(() -> rejected().findAny().isPresent());
		assertThat(this.engine.status().connections().getFirst().state()).isNotEqualTo(ConnectionStatus.CONNECTED);
		assertThat(this.sink.of(1)).noneMatch(Sample::isGood);
	}

	@Test
	void subscriptionResumesAfterAServerRestartWithoutRestartingTheEngine() throws Exception {
		// Part 4 §6.7: after a restart the session and subscription are gone and must be
		// recreated
		this.engine.apply(List.of(channel(1, server, "Temperature").build()));
		awaitConnected();
		server.set("Temperature", 1.5, Instant.now());
		await().atMost(WAIT).until(() -> hasValue(1, 1.5));

		server.restart();
		await().atMost(WAIT)
			.until(() -> this.sink.of(1).stream().anyMatch((sample) -> sample.quality() == Quality.BAD_NOT_CONNECTED));

		await().atMost(WAIT).untilAsserted(() -> {
			server.set("Temperature", 2.5, Instant.now());
			assertThat(hasValue(1, 2.5)).isTrue();
		});
		assertThat(this.engine.status().connections().getFirst().state()).isEqualTo(ConnectionStatus.CONNECTED);
	}

	@Test
	void sessionAndSubscriptionComeBackAfterANetworkDrop() {
		try (TcpProxy proxy = new TcpProxy("127.0.0.1", server.port())) {
			this.engine.apply(List.of(channel(1).endpoint("opc.tcp://127.0.0.1:" + proxy.port() + "/parx")
				.node(server.nodeId("Temperature"))
				.build()));
			awaitConnected();
			server.set("Temperature", 5.5, Instant.now());
			await().atMost(WAIT).until(() -> hasValue(1, 5.5));

			proxy.cut();
			await().atMost(WAIT).until(() -> this.sink.last(1).quality() == Quality.BAD_NOT_CONNECTED);
			server.set("Temperature", 6.5, Instant.now());
			proxy.restore();

			// the value changed while away arrives once the subscription is back
			await().atMost(WAIT).until(() -> hasValue(1, 6.5));
			awaitConnected();
		}
	}

	@Test
	void unknownNodeMarksOnlyItsChannelBad() {
		this.engine.apply(List.of(channel(1, server, "Temperature").build(),
				channel(2).endpoint(server.url()).node("ns=1;s=NoSuchTag").build()));

		await().atMost(WAIT).until(() -> {
			Sample last = this.sink.last(2);
			return last != null && last.quality() == (int) StatusCodes.Bad_NodeIdUnknown;
		});
		server.set("Temperature", 3.75, Instant.now());
		await().atMost(WAIT).until(() -> hasValue(1, 3.75));
	}

	@Test
	void invalidSettingsMarkTheChannelBadConfigurationWithTheReason() {
		this.engine.apply(List.of(channel(1).endpoint("http://plc/").build(),
				channel(2).endpoint(server.url()).node("not a node id").build(),
				channel(3).endpoint(server.url()).security("Basic256Sha256", "None").build()));

		assertThat(List.of(this.sink.last(1), this.sink.last(2), this.sink.last(3)))
			.allSatisfy((sample) -> assertThat(sample.quality()).isEqualTo(Quality.BAD_CONFIGURATION_ERROR));
		assertThat(this.engine.lastError(1)).hasValueSatisfying((reason) -> assertThat(reason).contains("endpointUrl"));
		assertThat(this.engine.lastError(2)).hasValueSatisfying((reason) -> assertThat(reason).contains("nodeId"));
		assertThat(this.engine.status().connections()).isEmpty();
	}

	@Test
	void channelTestReadsAndWritesANodeWithoutARunningSubscription() {
		ChannelConfig counter = channel(0, server, "Counter").dataType(DataType.INT32).scaled(2, 1).build();

		ReadResult written = this.engine.write(counter, SampleValue.of(85.0), Duration.ofSeconds(20));
		ReadResult read = this.engine.readOnce(counter, Duration.ofSeconds(20));
		ReadResult missing = this.engine.readOnce(channel(0).endpoint(server.url()).node("ns=1;s=Nope").build(),
				Duration.ofSeconds(20));

		assertThat(written.quality()).isEqualTo(Quality.GOOD);
		// scale and offset are undone for the device: (85 - 1) / 2
		assertThat(server.get("Counter")).isEqualTo(42);
		assertThat(read.value()).isEqualTo(SampleValue.of(85.0));
		assertThat(missing.quality()).isEqualTo((int) StatusCodes.Bad_NodeIdUnknown);
	}

	@Test
	void channelTestReportsAnUnreachableServer() {
		ReadResult result = this.engine.readOnce(channel(0).endpoint("opc.tcp://127.0.0.1:1/x").build(),
				Duration.ofSeconds(10));
		assertThat(Quality.isBad(result.quality())).isTrue();
		assertThat(result.error()).isNotBlank();
	}

	@Test
	void unreachableServerMarksTheChannelNotConnectedAndDoesNotDelayShutdown() {
		this.engine.apply(List.of(channel(1).endpoint("opc.tcp://127.0.0.1:1/plc").build()));
		await().atMost(WAIT)
			.until(() -> this.sink.last(1) != null && this.sink.last(1).quality() == Quality.BAD_NOT_CONNECTED);

		long start = System.nanoTime();
		this.engine.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void applicationCertificateIsGeneratedOnceAndKept() {
		var first = this.pki.certificateChain()[0];
		try (OpcUaPki again = new OpcUaPki(this.pkiDir, "urn:parx:collector", "parx")) {
			assertThat(again.certificateChain()[0]).isEqualTo(first);
		}
		assertThat(this.pkiDir.resolve("client.pfx")).exists();
	}

	private void trustServer() throws Exception {
		this.pki.certificateChain(); // creates the directories
		Files.write(this.pki.trustedDir().resolve("server.der"), server.certificate().getEncoded());
	}

	private Stream<Path> rejected() throws java.io.IOException {
		Path dir = this.pki.rejectedDir();
		return Files.isDirectory(dir) ? Files.list(dir).toList().stream() : Stream.empty();
	}

	private void awaitConnected() {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.engine.status().connections()).isNotEmpty()
				.allSatisfy((connection) -> assertThat(connection.state()).isEqualTo(ConnectionStatus.CONNECTED)));
	}

	private boolean hasValue(long channelId, double value) {
		return this.sink.of(channelId)
			.stream()
			.anyMatch((sample) -> sample.isGood() && sample.value().asDouble() == value);
	}

	private Sample lastWith(long channelId, double value) {
		return this.sink.of(channelId)
			.stream()
			.filter((sample) -> sample.isGood() && sample.value().asDouble() == value)
			.reduce((a, b) -> b)
			.orElseThrow();
	}

	private SampleValue value(long channelId) {
		Sample last = this.sink.last(channelId);
		return (last != null) ? last.value() : null;
	}

}
