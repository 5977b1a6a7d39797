package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ReadResult;
import io.parx.common.config.DataType;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.db.test.TestServices;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static io.parx.collector.mqtt.SparkplugEdgeNode.WAIT;
import static io.parx.collector.mqtt.SparkplugEdgeNode.byAlias;
import static io.parx.collector.mqtt.SparkplugEdgeNode.declared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MQTT engine as a Sparkplug B host application (Sparkplug 3.0), against the real
 * Mosquitto and an edge node whose payloads Eclipse Tahu builds. Each test has a group of
 * its own.
 */
class SparkplugIntegrationTests {

	private static final MqttSettings SETTINGS = new MqttSettings(Duration.ofMinutes(5), Duration.ofSeconds(5),
			Duration.ofMillis(200), Duration.ofSeconds(1), "parx-test", null, null);

	private static final Instant T0 = Instant.parse("2026-05-01T12:00:00.123Z");

	private final CollectingSink sink = new CollectingSink();

	private final List<MqttEngine> engines = new ArrayList<>();

	private final SparkplugEdgeNode node = new SparkplugEdgeNode();

	private String brokerUrl;

	@BeforeEach
	void broker() {
		this.brokerUrl = TestServices.mosquitto().serverUri();
	}

	@AfterEach
	void cleanUp() {
		this.engines.forEach((engine) -> engine.apply(List.of()));
		this.engines.forEach(MqttEngine::close);
		this.node.close();
	}

	@Test
	void birthsAndDataByAliasUpdateTheChannelsWithTheMetricsTimestamps() {
		// §6.4.8: after the NBIRTH, NDATA may carry the alias alone
		MqttEngine engine = engine(nodeMetric(1, "Line1/Temp", DataType.FLOAT64),
				nodeMetric(2, "Line1/Running", DataType.BOOL));
		this.node.awaitHostAndBeBorn(declared("Line1/Temp", 1, MetricDataType.Double, 20.5, T0),
				declared("Line1/Running", 2, MetricDataType.Boolean, true, T0));

		await().atMost(WAIT).until(() -> !good(1).isEmpty() && !good(2).isEmpty());
		assertThat(good(1).getFirst().value()).isEqualTo(SampleValue.of(20.5));
		assertThat(good(1).getFirst().time()).isEqualTo(T0);
		assertThat(good(2).getFirst().value()).isEqualTo(SampleValue.of(true));

		this.node.ndata(byAlias(1, MetricDataType.Double, 21.5, T0.plusSeconds(1)));
		await().atMost(WAIT).until(() -> good(1).size() == 2);
		assertThat(good(1).getLast().value()).isEqualTo(SampleValue.of(21.5));
		assertThat(good(1).getLast().time()).isEqualTo(T0.plusSeconds(1));
		assertThat(engine.lastError(1)).isEmpty();
	}

	@Test
	void aDeathMarksTheNodesChannelsBadWithTheReasonButALateWillOfAnOldSessionDoesNot() {
		// §6.4.2: an NDEATH counts only with the bdSeq of the current NBIRTH
		MqttEngine engine = engine(nodeMetric(1, "Temp", DataType.FLOAT64), deviceMetric(2, "press", "Pressure"));
		this.node.awaitHostAndBeBorn(declared("Temp", 1, MetricDataType.Float, 20f, T0));
		this.node.dbirth("press", declared("Pressure", 10, MetricDataType.Int32, 5, T0));
		await().atMost(WAIT).until(() -> !good(1).isEmpty() && !good(2).isEmpty());

		this.node.ndeath(999);
		this.node.ndata(byAlias(1, MetricDataType.Float, 22f, T0.plusSeconds(1)));
		await().atMost(WAIT).until(() -> good(1).size() == 2);
		assertThat(this.sink.of(1)).noneMatch((sample) -> sample.quality() == Quality.BAD_NOT_CONNECTED);

		this.node.ndeath();
		await().atMost(WAIT)
			.until(() -> this.sink.of(1).getLast().quality() == Quality.BAD_NOT_CONNECTED
					&& this.sink.of(2).getLast().quality() == Quality.BAD_NOT_CONNECTED);
		assertThat(engine.lastError(1)).hasValueSatisfying((reason) -> assertThat(reason).contains("NDEATH"));
		assertThat(engine.lastError(2)).hasValueSatisfying((reason) -> assertThat(reason).contains("offline"));
	}

	@Test
	void aSequenceGapRequestsARebirthAndTheNewBirthMakesTheChannelsGoodAgain() {
		// §6.4.13 and §6.4.6: lost messages leave the node's state unknown; the host asks
		// for its births again rather than show values it cannot trust
		MqttEngine engine = engine(nodeMetric(1, "Temp", DataType.FLOAT64));
		this.node.awaitHostAndBeBorn(declared("Temp", 1, MetricDataType.Double, 20.0, T0));
		await().atMost(WAIT).until(() -> good(1).size() == 1);
		long requests = this.node.rebirthRequests();

		this.node.ndataWithSeq(7, byAlias(1, MetricDataType.Double, 99.0, T0.plusSeconds(1)));
		await().atMost(WAIT).until(() -> this.node.rebirthRequests() > requests);
		await().atMost(WAIT).until(() -> this.sink.of(1).getLast().quality() == Quality.BAD_COMMUNICATION_ERROR);
		assertThat(engine.lastError(1)).hasValueSatisfying((reason) -> assertThat(reason).contains("sequence gap"));
		assertThat(good(1)).extracting(Sample::value).doesNotContain(SampleValue.of(99.0));

		this.node.nbirth(declared("Temp", 1, MetricDataType.Double, 30.0, T0.plusSeconds(2)));
		await().atMost(WAIT).until(() -> this.sink.of(1).getLast().isGood());
		assertThat(this.sink.of(1).getLast().value()).isEqualTo(SampleValue.of(30.0));
		assertThat(engine.lastError(1)).isEmpty();
	}

	@Test
	void deviceBirthDataAndDeathReachOnlyTheDevicesChannels() {
		MqttEngine engine = engine(nodeMetric(1, "Temp", DataType.FLOAT64), deviceMetric(2, "press", "Pressure"),
				deviceMetric(3, "press", "Missing"));
		this.node.awaitHostAndBeBorn(declared("Temp", 1, MetricDataType.Double, 20.0, T0));
		this.node.dbirth("press", declared("Pressure", 10, MetricDataType.Int32, 5, T0));
		this.node.ddata("press", byAlias(10, MetricDataType.Int32, 6, T0.plusSeconds(1)));

		await().atMost(WAIT).until(() -> good(2).size() == 2);
		assertThat(good(2)).extracting(Sample::value).containsExactly(SampleValue.of(5.0), SampleValue.of(6.0));
		// a channel naming a metric the birth does not declare says so
		assertThat(this.sink.of(3).getLast().quality()).isEqualTo(Quality.BAD_CONFIGURATION_ERROR);
		assertThat(engine.lastError(3)).hasValueSatisfying((reason) -> assertThat(reason).contains("'Missing'"));

		this.node.ddeath("press");
		await().atMost(WAIT).until(() -> this.sink.of(2).getLast().quality() == Quality.BAD_NOT_CONNECTED);
		assertThat(engine.lastError(2)).hasValueSatisfying((reason) -> assertThat(reason).contains("DDEATH"));
		assertThat(this.sink.of(1)).allMatch(Sample::isGood);
	}

	@Test
	void anAliasNoBirthDeclaredRequestsARebirth() {
		// §6.4.8: the host cannot know what an alias without a birth stands for
		engine(nodeMetric(1, "Temp", DataType.FLOAT64));
		this.node.awaitHostAndBeBorn(declared("Temp", 1, MetricDataType.Double, 20.0, T0));
		await().atMost(WAIT).until(() -> good(1).size() == 1);
		long requests = this.node.rebirthRequests();

		this.node.ndata(byAlias(99, MetricDataType.Double, 1.0, T0), byAlias(1, MetricDataType.Double, 21.0, T0));

		await().atMost(WAIT).until(() -> this.node.rebirthRequests() > requests);
		// the metrics it knows still count
		await().atMost(WAIT).until(() -> good(1).size() == 2);
		assertThat(this.node.commandTopics())
			.allMatch((topic) -> topic.equals("spBv1.0/" + this.node.groupId + "/NCMD/" + this.node.edgeNodeId));
	}

	@Test
	void aWritableMetricIsWrittenWithACommandOfItsType() {
		// Sparkplug 3.0 §6.4.11: NCMD to the node's own metrics, DCMD to a device's
		MqttEngine engine = engine();
		ChannelConfig nodeChannel = channel(1).broker(this.brokerUrl)
			.sparkplug(this.node.groupId, this.node.edgeNodeId, null, "Setpoint")
			.writable()
			.build();
		ChannelConfig deviceChannel = channel(2).broker(this.brokerUrl)
			.sparkplug(this.node.groupId, this.node.edgeNodeId, "press", "Speed")
			.dataType(DataType.INT32)
			.writable()
			.build();

		assertThat(engine.writeAndReadBack(nodeChannel, SampleValue.of(42.5), WAIT).written().quality())
			.isEqualTo(Quality.GOOD);
		assertThat(engine.writeAndReadBack(deviceChannel, SampleValue.of(7), WAIT).written().quality())
			.isEqualTo(Quality.GOOD);

		await().atMost(WAIT).until(() -> this.node.commands().size() == 2);
		Metric setpoint = this.node.commands().get(0).getMetrics().getFirst();
		assertThat(setpoint.getName()).isEqualTo("Setpoint");
		assertThat(setpoint.getDataType()).isEqualTo(MetricDataType.Double);
		assertThat(setpoint.getValue()).isEqualTo(42.5);
		Metric speed = this.node.commands().get(1).getMetrics().getFirst();
		assertThat(speed.getDataType()).isEqualTo(MetricDataType.Int32);
		assertThat(speed.getValue()).isEqualTo(7);
		assertThat(this.node.commandTopics().get(1))
			.isEqualTo("spBv1.0/" + this.node.groupId + "/DCMD/" + this.node.edgeNodeId + "/press");
	}

	@Test
	void theChannelTestReadsTheMetricFromABirth() {
		MqttEngine engine = engine();
		ChannelConfig config = nodeMetric(1, "Temp", DataType.FLOAT64);
		Thread births = Thread.ofVirtual().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				this.node.nbirth(declared("Temp", 1, MetricDataType.Double, 20.5, T0));
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		try {
			ReadResult result = engine.readOnce(config, WAIT);
			assertThat(result.quality()).isEqualTo(Quality.GOOD);
			assertThat(result.value()).isEqualTo(SampleValue.of(20.5));
		}
		finally {
			births.interrupt();
		}
	}

	@Test
	void theHostStateIsPublishedRetainedWhenAHostIdIsConfigured() {
		// Sparkplug 3.0 §5.2: online on connect, offline when the host goes away
		String hostId = "parx-test-host-" + UUID.randomUUID().toString().substring(0, 8);
		MqttEngine engine = new MqttEngine(this.sink,
				SETTINGS.withBrokers(List.of(new MqttBrokerSettings(this.brokerUrl, null, null, null, null, hostId))),
				MqttChannelFixture.INSTALLATION, new SimpleMeterRegistry());
		engine.apply(List.of(nodeMetric(1, "Temp", DataType.FLOAT64)));
		List<String> states = new CopyOnWriteArrayList<>();
		Mqtt5BlockingClient watcher = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-test-state-" + UUID.randomUUID().toString().substring(0, 8))
			.serverHost(TestServices.mosquitto().host())
			.serverPort(TestServices.mosquitto().port())
			.buildBlocking();
		watcher.connect();
		try {
			watcher.toAsync()
				.subscribeWith()
				.topicFilter("spBv1.0/STATE/" + hostId)
				.callback((publish) -> states.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)))
				.send()
				.join();
			await().atMost(WAIT).until(() -> states.stream().anyMatch((state) -> state.contains("\"online\":true")));
			assertThat(states.getLast()).matches("\\{\"online\":true,\"timestamp\":\\d{13}}");

			engine.apply(List.of());
			engine.close();
			await().atMost(WAIT).until(() -> states.getLast().contains("\"online\":false"));
		}
		finally {
			// the retained STATE of this test's host id is removed from the shared broker
			watcher.publishWith().topic("spBv1.0/STATE/" + hostId).retain(true).send();
			watcher.disconnect();
		}
	}

	private MqttEngine engine(ChannelConfig... channels) {
		MqttEngine engine = new MqttEngine(this.sink, SETTINGS, MqttChannelFixture.INSTALLATION,
				new SimpleMeterRegistry());
		this.engines.add(engine);
		engine.apply(List.of(channels));
		return engine;
	}

	private ChannelConfig nodeMetric(long id, String metric, DataType dataType) {
		return channel(id).broker(this.brokerUrl)
			.sparkplug(this.node.groupId, this.node.edgeNodeId, null, metric)
			.dataType(dataType)
			.build();
	}

	private ChannelConfig deviceMetric(long id, String deviceId, String metric) {
		return channel(id).broker(this.brokerUrl)
			.sparkplug(this.node.groupId, this.node.edgeNodeId, deviceId, metric)
			.build();
	}

	private List<Sample> good(long channelId) {
		return this.sink.of(channelId).stream().filter(Sample::isGood).toList();
	}

}
