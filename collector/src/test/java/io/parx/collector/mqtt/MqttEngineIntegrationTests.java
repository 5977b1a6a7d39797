package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.ReadResult;
import io.parx.common.config.DataType;
import io.parx.common.config.Installation;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.db.test.TcpProxy;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MQTT engine against the real Mosquitto broker. Every test uses topics and client
 * ids of its own, so runs never see each other's messages.
 */
class MqttEngineIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Short, so sessions left by a failed run expire soon on the shared broker. */
	private static final MqttSettings SETTINGS = new MqttSettings(Duration.ofMinutes(5), Duration.ofSeconds(5),
			Duration.ofMillis(200), Duration.ofSeconds(1), "parx-test", null, null);

	/** Published until it arrives, to know a subscription is in place. */
	private static final String PROBE = "-1";

	private final CollectingSink sink = new CollectingSink();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final List<MqttEngine> engines = new ArrayList<>();

	private String brokerUrl;

	private String base;

	private Mqtt5BlockingClient publisher;

	@BeforeEach
	void connectPublisher() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		this.brokerUrl = mosquitto.serverUri();
		this.base = "parx-test/" + TestServices.RUN_ID + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.publisher = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-test-pub-" + UUID.randomUUID().toString().substring(0, 8))
			.serverHost(mosquitto.host())
			.serverPort(mosquitto.port())
			.buildBlocking();
		this.publisher.connect();
	}

	@AfterEach
	void cleanUp() {
		// apply(empty) ends the sessions on the broker; close() alone would keep them.
		this.engines.forEach((engine) -> engine.apply(List.of()));
		this.engines.forEach(MqttEngine::close);
		this.publisher.disconnect();
	}

	@Test
	void everyPayloadFormatBecomesASampleOfTheChannelsType() {
		MqttEngine engine = engine();
		engine.apply(List.of(channel(1).broker(this.brokerUrl).topic(this.base + "/number").format("NUMBER").build(),
				channel(2).broker(this.brokerUrl)
					.topic(this.base + "/bool")
					.format("BOOLEAN")
					.dataType(DataType.BOOL)
					.build(),
				channel(3).broker(this.brokerUrl)
					.topic(this.base + "/text")
					.format("STRING")
					.dataType(DataType.STRING)
					.build(),
				channel(4).broker(this.brokerUrl)
					.topic(this.base + "/json")
					.format("JSON")
					.valuePointer("/data/temp")
					.timestampPointer("/ts")
					.build()));
		awaitSubscribed(engine, 1, this.base + "/number");

		publish(this.base + "/bool", "on", MqttQos.AT_LEAST_ONCE);
		publish(this.base + "/text", "coil A-17", MqttQos.AT_LEAST_ONCE);
		publish(this.base + "/json", "{\"data\":{\"temp\":21.5},\"ts\":\"2026-05-01T12:00:00.123456Z\"}",
				MqttQos.AT_LEAST_ONCE);

		await().atMost(WAIT)
			.until(() -> !this.sink.of(2).isEmpty() && !this.sink.of(3).isEmpty() && !this.sink.of(4).isEmpty());
		assertThat(this.sink.of(2).getLast().value()).isEqualTo(SampleValue.of(true));
		assertThat(this.sink.of(3).getLast().value()).isEqualTo(SampleValue.of("coil A-17"));
		Sample json = this.sink.of(4).getLast();
		assertThat(json.value()).isEqualTo(SampleValue.of(21.5));
		// the source timestamp from the payload, to the microsecond
		assertThat(json.time()).isEqualTo(Instant.parse("2026-05-01T12:00:00.123456Z"));
	}

	@Test
	void wildcardFiltersReceiveExactlyTheTopicsTheyMatchOncePerMessage() {
		// MQTT 5 §3.3.4: the broker may send a copy per overlapping subscription; the
		// channels must still see each message once.
		MqttEngine engine = engine();
		engine.apply(List.of(channel(1).broker(this.brokerUrl).topic(this.base + "/+/temp").build(),
				channel(2).broker(this.brokerUrl).topic(this.base + "/hall/#").build()));
		awaitSubscribed(engine, 1, this.base + "/probe/temp");

		publish(this.base + "/hall/temp", "1", MqttQos.AT_LEAST_ONCE); // both
		publish(this.base + "/yard/temp", "2", MqttQos.AT_LEAST_ONCE); // + only
		publish(this.base + "/hall/a/b/c", "3", MqttQos.AT_LEAST_ONCE); // # only
		publish(this.base + "/yard/temp/x", "4", MqttQos.AT_LEAST_ONCE); // neither

		await().atMost(WAIT).untilAsserted(() -> assertThat(values(this.sink.of(2))).containsExactly(1.0, 3.0));
		assertThat(values(this.sink.of(1))).containsExactly(1.0, 2.0);
	}

	@Test
	void everyQosLevelIsSubscribedAndDelivered() {
		MqttEngine engine = engine();
		engine.apply(List.of(channel(1).broker(this.brokerUrl).topic(this.base + "/q0").qos(0).build(),
				channel(2).broker(this.brokerUrl).topic(this.base + "/q1").qos(1).build(),
				channel(3).broker(this.brokerUrl).topic(this.base + "/q2").qos(2).build()));
		awaitSubscribed(engine, 3, this.base + "/q2");

		await().atMost(WAIT).until(() -> {
			publish(this.base + "/q0", "10", MqttQos.AT_MOST_ONCE);
			return values(this.sink.of(1)).contains(10.0);
		});
		publish(this.base + "/q1", "11", MqttQos.AT_LEAST_ONCE);
		publish(this.base + "/q2", "12", MqttQos.EXACTLY_ONCE);
		await().atMost(WAIT).until(() -> values(this.sink.of(2)).contains(11.0));
		await().atMost(WAIT).until(() -> values(this.sink.of(3)).equals(List.of(12.0)));
	}

	@Test
	void unparseablePayloadMarksOnlyItsChannelBadAndTheSubscriptionGoesOn() {
		MqttEngine engine = engine();
		engine.apply(List.of(channel(1).broker(this.brokerUrl).topic(this.base + "/a").build(),
				channel(2).broker(this.brokerUrl).topic(this.base + "/b").format("JSON").valuePointer("/v").build()));
		awaitSubscribed(engine, 1, this.base + "/a");

		publish(this.base + "/a", "twelve", MqttQos.AT_LEAST_ONCE);
		publish(this.base + "/b", "{\"v\": 5", MqttQos.AT_LEAST_ONCE);
		await().atMost(WAIT).until(() -> !this.sink.of(2).isEmpty());
		await().atMost(WAIT).until(() -> this.sink.of(1).getLast().quality() == Quality.BAD_DECODING_ERROR);

		assertThat(this.sink.of(2).getLast().quality()).isEqualTo(Quality.BAD_DECODING_ERROR);
		assertThat(this.sink.of(2).getLast().value()).isNull();
		assertThat(engine.lastError(1)).hasValueSatisfying((reason) -> assertThat(reason).contains("not a number"));
		assertThat(engine.lastError(2)).hasValueSatisfying((reason) -> assertThat(reason).contains("not JSON"));
		assertThat(this.registry.counter("parx.collector.mqtt.decode.errors").count()).isEqualTo(2);

		publish(this.base + "/a", "13", MqttQos.AT_LEAST_ONCE);
		await().atMost(WAIT).until(() -> this.sink.of(1).getLast().isGood());
		assertThat(this.sink.of(1).getLast().value()).isEqualTo(SampleValue.of(13.0));
		assertThat(engine.lastError(1)).isEmpty();
	}

	@Test
	void qos1MessagesPublishedWhileTheCollectorIsAwayArriveWhenItReconnects() {
		// MQTT 5 §3.1.2.4/§3.1.2.11.2: with Clean Start 0 and a session expiry the broker
		// keeps the subscription and queues QoS 1 messages for the absent client.
		ChannelConfig config = channel(1).broker(this.brokerUrl)
			.clientId("parx-test-" + UUID.randomUUID().toString().substring(0, 8))
			.topic(this.base + "/level")
			.qos(1)
			.build();
		MqttEngine first = engine();
		first.apply(List.of(config));
		awaitSubscribed(first, 1, this.base + "/level");
		first.close();

		publish(this.base + "/level", "41", MqttQos.AT_LEAST_ONCE);
		publish(this.base + "/level", "42", MqttQos.AT_LEAST_ONCE);

		MqttEngine second = engine();
		second.apply(List.of(config));

		await().atMost(WAIT).untilAsserted(() -> assertThat(values(this.sink.of(1))).containsExactly(41.0, 42.0));
	}

	@Test
	void afterANetworkDropTheClientReconnectsByItselfAndReceivesWhatWasQueued() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		try (TcpProxy proxy = new TcpProxy(mosquitto.host(), mosquitto.port())) {
			MqttEngine engine = engine();
			engine.apply(List.of(channel(1).broker("tcp://127.0.0.1:" + proxy.port())
				.clientId("parx-test-" + UUID.randomUUID().toString().substring(0, 8))
				.topic(this.base + "/flow")
				.build()));
			awaitSubscribed(engine, 1, this.base + "/flow");

			proxy.cut();
			await().atMost(WAIT).until(() -> this.sink.of(1).getLast().quality() == Quality.BAD_NOT_CONNECTED);
			assertThat(engine.status().connections().getFirst().state()).isNotEqualTo(ConnectionStatus.CONNECTED);
			publish(this.base + "/flow", "7", MqttQos.AT_LEAST_ONCE);
			proxy.restore();

			await().atMost(WAIT).until(() -> this.sink.of(1).getLast().isGood());
			assertThat(this.sink.of(1).getLast().value()).isEqualTo(SampleValue.of(7.0));
			assertThat(engine.status().connections().getFirst().state()).isEqualTo(ConnectionStatus.CONNECTED);
		}
	}

	@Test
	void removingAChannelStopsItsSamplesWhileItsNeighbourKeepsTheConnection() {
		MqttEngine engine = engine();
		ChannelConfig keep = channel(1).broker(this.brokerUrl).topic(this.base + "/keep").build();
		ChannelConfig drop = channel(2).broker(this.brokerUrl).topic(this.base + "/drop").build();
		engine.apply(List.of(keep, drop));
		awaitSubscribed(engine, 2, this.base + "/drop");

		engine.apply(List.of(keep));
		int dropped = this.sink.of(2).size();
		publish(this.base + "/drop", "5", MqttQos.AT_LEAST_ONCE);
		publish(this.base + "/keep", "6", MqttQos.AT_LEAST_ONCE);

		await().atMost(WAIT).until(() -> values(this.sink.of(1)).contains(6.0));
		assertThat(this.sink.of(2)).hasSize(dropped);
		assertThat(engine.status().connections()).hasSize(1);
		assertThat(engine.status().channels()).extracting((status) -> status.channelId()).containsExactly(1L);
	}

	@Test
	void invalidSettingsMarkTheChannelBadConfigurationWithoutAConnection() {
		MqttEngine engine = engine();
		engine.apply(List.of(channel(1).broker(this.brokerUrl).topic(this.base + "/#/bad").build()));

		assertThat(this.sink.of(1)).singleElement()
			.satisfies((sample) -> assertThat(sample.quality()).isEqualTo(Quality.BAD_CONFIGURATION_ERROR));
		assertThat(engine.lastError(1)).hasValueSatisfying((reason) -> assertThat(reason).contains("topic"));
		assertThat(engine.status().connections()).isEmpty();
	}

	@Test
	void channelTestReadsTheRetainedValueWithoutTouchingTheRunningSession() {
		this.publisher.publishWith()
			.topic(this.base + "/retained")
			.payload("{\"v\":3}".getBytes(StandardCharsets.UTF_8))
			.qos(MqttQos.AT_LEAST_ONCE)
			.retain(true)
			.send();
		try {
			MqttEngine engine = engine();
			ReadResult good = engine.readOnce(channel(0).broker(this.brokerUrl)
				.topic(this.base + "/retained")
				.format("JSON")
				.valuePointer("/v")
				.build(), Duration.ofSeconds(5));
			ReadResult silent = engine.readOnce(channel(0).broker(this.brokerUrl).topic(this.base + "/silent").build(),
					Duration.ofMillis(500));

			assertThat(good.value()).isEqualTo(SampleValue.of(3.0));
			assertThat(good.quality()).isEqualTo(Quality.GOOD);
			assertThat(silent.quality()).isEqualTo(Quality.BAD_TIMEOUT);
			assertThat(silent.error()).contains("no message");
		}
		finally {
			// an empty retained message deletes it (MQTT 5 §3.3.1.3)
			this.publisher.publishWith().topic(this.base + "/retained").retain(true).send();
		}
	}

	@Test
	void twoInstallationsOnOneBrokerBothKeepTheirChannelsConnected() {
		// issue 21: the default client id once came from the collector's name alone, so
		// two
		// installations (both "default") took each other's session over for ever
		MqttEngine first = engine(Installation.fixed(UUID.randomUUID().toString()));
		MqttEngine second = engine(Installation.fixed(UUID.randomUUID().toString()));
		String topic = this.base + "/shared";
		first.apply(List.of(channel(1).broker(this.brokerUrl).topic(topic).build()));
		second.apply(List.of(channel(2).broker(this.brokerUrl).topic(topic).build()));
		awaitSubscribed(first, 1, topic);
		awaitSubscribed(second, 2, topic);

		for (int i = 1; i <= 5; i++) {
			publish(topic, Integer.toString(i), MqttQos.AT_LEAST_ONCE);
		}

		await().atMost(WAIT)
			.until(() -> values(this.sink.of(1)).contains(5.0) && values(this.sink.of(2)).contains(5.0));
		assertThat(values(this.sink.of(1))).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
		assertThat(values(this.sink.of(2))).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
		assertThat(List.of(first, second))
			.allSatisfy((engine) -> assertThat(engine.status().connections()).singleElement()
				.satisfies((connection) -> assertThat(connection.reconnectAttempts()).isZero()));
	}

	@Test
	void aSessionTakenOverByAClientWithTheSameIdIsReportedAsSuch() {
		Installation same = Installation.fixed(UUID.randomUUID().toString());
		MqttEngine first = engine(same);
		MqttEngine second = engine(same);
		String topic = this.base + "/taken";
		first.apply(List.of(channel(1).broker(this.brokerUrl).topic(topic).build()));
		awaitSubscribed(first, 1, topic);

		second.apply(List.of(channel(2).broker(this.brokerUrl).topic(topic).build()));

		await().atMost(WAIT)
			.until(() -> first.status()
				.connections()
				.stream()
				.anyMatch((connection) -> connection.lastError() != null
						&& connection.lastError().contains("another client")));
	}

	@Test
	void channelTestReportsAnUnreachableBroker() {
		ReadResult result = engine().readOnce(channel(0).broker("tcp://127.0.0.1:1").topic("x").build(),
				Duration.ofSeconds(3));
		assertThat(result.quality()).isEqualTo(Quality.BAD_NOT_CONNECTED);
		assertThat(result.error()).contains("tcp://127.0.0.1:1");
	}

	private MqttEngine engine() {
		return engine(MqttChannelFixture.INSTALLATION);
	}

	private MqttEngine engine(Installation installation) {
		MqttEngine engine = new MqttEngine(this.sink, SETTINGS, installation, this.registry);
		this.engines.add(engine);
		return engine;
	}

	/**
	 * Waits until the engine is subscribed, proven by a probe message arriving on the
	 * channel (a CONNACK alone does not mean the SUBACK has come).
	 */
	private void awaitSubscribed(MqttEngine engine, long channelId, String topic) {
		await().atMost(WAIT).until(() -> {
			publish(topic, PROBE, MqttQos.AT_LEAST_ONCE);
			return this.sink.of(channelId).stream().anyMatch((sample) -> SampleValue.of(-1.0).equals(sample.value()));
		});
	}

	private void publish(String topic, String payload, MqttQos qos) {
		this.publisher.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).send();
	}

	/** The good values, without probes (more probes may arrive than were awaited). */
	private static List<Double> values(List<Sample> samples) {
		return samples.stream()
			.filter(Sample::isGood)
			.map((sample) -> sample.value().asDouble())
			.filter((value) -> value != -1.0)
			.toList();
	}

}
