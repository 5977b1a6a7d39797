package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.SampleSink;
import io.parx.common.sample.Sample;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 22: the MQTT intake acknowledges a QoS 1 message only once its sample is durable,
 * and the broker, not the collector's memory, holds what the pipeline cannot take yet.
 * Against the real Mosquitto; the pipeline is a sink that reports batches durable only
 * when the test lets it, so the broker's redeliveries show what was acknowledged.
 */
class MqttIntakeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final MqttSettings SETTINGS = new MqttSettings(Duration.ofMinutes(5), Duration.ofSeconds(5),
			Duration.ofMillis(200), Duration.ofSeconds(1), "parx-test", null, null);

	/** The registry of the engine made last (each engine gets its own). */
	private SimpleMeterRegistry registry;

	private final List<MqttEngine> engines = new ArrayList<>();

	private String brokerUrl;

	private String base;

	private String clientId;

	private Mqtt5BlockingClient publisher;

	@BeforeEach
	void connectPublisher() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		this.brokerUrl = mosquitto.serverUri();
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.base = "parx-test/" + TestServices.RUN_ID + "/" + run;
		this.clientId = "parx-test-intake-" + run;
		this.publisher = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-test-pub-" + run)
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
	void aMessageWhoseSampleIsNotDurableYetIsDeliveredAgainAfterARestartAndAnAcknowledgedOneIsNot() {
		HoldingSink stalled = new HoldingSink();
		MqttEngine first = engine(stalled, SETTINGS);
		first.apply(List.of(valueChannel()));
		awaitSubscribed(stalled);
		stalled.hold();
		for (int i = 0; i < 100; i++) {
			publish(Integer.toString(i));
		}
		await().atMost(WAIT).until(() -> values(stalled).containsAll(range(0, 100)));
		// Stop without the pipeline ever reporting the batches durable (as a crash
		// would);
		// the session stays on the broker.
		first.close();

		HoldingSink restarted = new HoldingSink();
		MqttEngine second = engine(restarted, SETTINGS);
		second.apply(List.of(valueChannel()));
		await().atMost(WAIT).until(() -> values(restarted).containsAll(range(0, 100)));
		publish("100");
		await().atMost(WAIT).until(() -> values(restarted).contains(100.0));
		await().atMost(WAIT).until(() -> unacknowledged() == 0);
		second.close();

		HoldingSink third = new HoldingSink();
		MqttEngine last = engine(third, SETTINGS);
		last.apply(List.of(valueChannel()));
		publish("101");
		await().atMost(WAIT).until(() -> values(third).contains(101.0));
		// Everything before was acknowledged after it was durable: nothing comes again.
		assertThat(values(third)).doesNotContainAnyElementsOf(range(0, 101));
	}

	@Test
	void aStalledPipelineStopsTheBrokerAtTheReceiveMaximumAndEverythingFollowsWhenItResumes() throws Exception {
		HoldingSink sink = new HoldingSink();
		MqttEngine engine = engine(sink, SETTINGS.withIntake(50, 1, 1000, 5));
		engine.apply(List.of(valueChannel()));
		awaitSubscribed(sink);
		sink.hold();
		int before = sink.samples.size();
		for (int i = 0; i < 300; i++) {
			publish(Integer.toString(i));
		}
		await().atMost(WAIT).until(() -> sink.samples.size() - before >= 50);
		Thread.sleep(1500);
		// The broker keeps the rest: no more than the Receive Maximum reached the
		// collector.
		assertThat(sink.samples.subList(before, sink.samples.size())).allMatch(Sample::isGood).hasSize(50);
		assertThat(unacknowledged()).isEqualTo(50);

		// Mosquitto 2.0.11 then overshoots the window (see docs/ARCHITECTURE.md): the
		// client disconnects, the session resumes and the broker sends again what was
		// not acknowledged. At least once, never lost; and the collector reconnects with
		// the largest window, so the broker's resend fits and the backlog follows at
		// once instead of a handful of messages per reconnect.
		sink.release();
		await().atMost(WAIT).until(() -> values(sink).containsAll(range(0, 300)));
		await().atMost(WAIT).until(() -> unacknowledged() == 0);
		assertThat(sink.samples.size() - before).as("samples delivered, repeats included").isLessThan(600);
	}

	@Test
	void aBrokerConfiguredOnItsOwnGetsItsOwnWindowAndItsPublishersNumbersRevealWhatNeverArrived() throws Exception {
		// parx.collector.mqtt.brokers[0]: this broker's window is 40, not the default,
		// and its publishers number their messages in the user property "seq".
		HoldingSink sink = new HoldingSink();
		MqttEngine engine = engine(sink, SETTINGS
			.withBrokers(List.of(new MqttBrokerSettings(" " + this.brokerUrl.toUpperCase(java.util.Locale.ROOT) + " ",
					40, null, "seq", null))));
		engine.apply(List.of(valueChannel()));
		awaitSubscribed(sink);
		sink.hold();
		int before = sink.samples.size();
		// 1..200 with 50 and 51 missing, as if the broker had dropped them.
		for (int n = 1; n <= 200; n++) {
			if (n != 50 && n != 51) {
				publishNumbered(n);
			}
		}
		await().atMost(WAIT).until(() -> sink.samples.size() - before >= 40);
		Thread.sleep(1000);
		assertThat(sink.samples.size() - before).isEqualTo(40);

		sink.release();
		await().atMost(WAIT).until(() -> values(sink).contains(200.0));
		assertThat(this.registry.get("parx.collector.mqtt.sequence.gaps").counter().count()).isEqualTo(2);
	}

	@Test
	void severalConnectionsPerBrokerShareTheTopicsAndDeliverEachMessageOnce() {
		HoldingSink sink = new HoldingSink();
		MqttEngine engine = engine(sink, SETTINGS.withIntake(1000, 3, 10_000, 500));
		List<ChannelConfig> channels = new ArrayList<>();
		for (int t = 0; t < 30; t++) {
			channels
				.add(channel(t + 1).broker(this.brokerUrl).clientId(this.clientId).topic(this.base + "/t" + t).build());
		}
		engine.apply(channels);
		assertThat(engine.status().connections()).hasSize(3);
		await().atMost(WAIT).until(() -> {
			for (int t = 0; t < 30; t++) {
				this.publisher.publishWith()
					.topic(this.base + "/t" + t)
					.payload("-1".getBytes(StandardCharsets.UTF_8))
					.qos(MqttQos.AT_LEAST_ONCE)
					.send();
			}
			Thread.sleep(200);
			return sink.samples.stream().map(Sample::channelId).distinct().count() == 30;
		});
		int before = sink.samples.size();
		for (int i = 0; i < 3000; i++) {
			this.publisher.publishWith()
				.topic(this.base + "/t" + (i % 30))
				.payload(Integer.toString(i).getBytes(StandardCharsets.UTF_8))
				.qos(MqttQos.AT_LEAST_ONCE)
				.send();
		}
		await().atMost(WAIT).until(() -> values(sink).containsAll(range(0, 3000)));
		List<Sample> received = sink.samples.subList(before, sink.samples.size());
		assertThat(received.stream().filter((sample) -> sample.value().asDouble() >= 0)).hasSize(3000)
			.allSatisfy(
					(sample) -> assertThat(sample.channelId() - 1).isEqualTo(((long) sample.value().asDouble()) % 30));
	}

	@Test
	void aBrokerRestartedUnderLoadLosesNoQos1MessageItHadAcknowledged(@TempDir Path dir) throws Exception {
		try (RestartableMosquitto broker = RestartableMosquitto.start(dir)) {
			HoldingSink sink = new HoldingSink();
			MqttEngine engine = engine(sink, SETTINGS);
			engine.apply(List
				.of(channel(1).broker(broker.url()).clientId(this.clientId).topic(this.base + "/value").build()));
			Mqtt5AsyncClient load = MqttClient.builder()
				.useMqttVersion5()
				.identifier(this.clientId + "-load")
				.serverHost("127.0.0.1")
				.serverPort(broker.port())
				.automaticReconnectWithDefaultConfig()
				.buildAsync();
			load.connectWith().cleanStart(false).sessionExpiryInterval(300).send().get(10, TimeUnit.SECONDS);
			await().atMost(WAIT).until(() -> {
				send(load, -1, null);
				Thread.sleep(100);
				return values(sink).contains(-1.0);
			});
			Set<Double> acknowledged = ConcurrentHashMap.newKeySet();
			for (int i = 0; i < 3000; i++) {
				send(load, i, acknowledged);
				if (i == 1500) {
					// Messages are on their way in both directions; the broker saves its
					// sessions and comes back, both clients reconnect by themselves.
					broker.restart();
				}
				Thread.sleep(1);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() > 2500);
			// Every message the broker took (acknowledged to the publisher) reaches the
			// collector: QoS 1 through a restart loses nothing.
			await().atMost(Duration.ofSeconds(60)).until(() -> values(sink).containsAll(acknowledged));
			load.disconnect();
		}
	}

	private void send(Mqtt5AsyncClient client, int value, Set<Double> acknowledged) {
		client.publishWith()
			.topic(this.base + "/value")
			.payload(Integer.toString(value).getBytes(StandardCharsets.UTF_8))
			.qos(MqttQos.AT_LEAST_ONCE)
			.send()
			.whenComplete((result, ex) -> {
				if (acknowledged != null && ex == null && result.getError().isEmpty()) {
					acknowledged.add((double) value);
				}
			});
	}

	private MqttEngine engine(SampleSink sink, MqttSettings settings) {
		this.registry = new SimpleMeterRegistry();
		MqttEngine engine = new MqttEngine(sink, settings, MqttChannelFixture.INSTALLATION, this.registry);
		this.engines.add(engine);
		return engine;
	}

	private ChannelConfig valueChannel() {
		return channel(1).broker(this.brokerUrl).clientId(this.clientId).topic(this.base + "/value").build();
	}

	/** Publishes probes (-1) until one arrives, so the subscription is in place. */
	private void awaitSubscribed(HoldingSink sink) {
		await().atMost(WAIT).until(() -> {
			publish("-1");
			Thread.sleep(100);
			return values(sink).contains(-1.0);
		});
	}

	private void publish(String payload) {
		this.publisher.publishWith()
			.topic(this.base + "/value")
			.payload(payload.getBytes(StandardCharsets.UTF_8))
			.qos(MqttQos.AT_LEAST_ONCE)
			.send();
	}

	private void publishNumbered(int n) {
		this.publisher.publishWith()
			.topic(this.base + "/value")
			.payload(Integer.toString(n).getBytes(StandardCharsets.UTF_8))
			.userProperties()
			.add("seq", Integer.toString(n))
			.applyUserProperties()
			.qos(MqttQos.AT_LEAST_ONCE)
			.send();
	}

	private double unacknowledged() {
		return this.registry.get("parx.collector.mqtt.unacknowledged").gauge().value();
	}

	private static Set<Double> values(HoldingSink sink) {
		Set<Double> values = new HashSet<>();
		for (Sample sample : sink.samples) {
			if (sample.isGood()) {
				values.add(sample.value().asDouble());
			}
		}
		return values;
	}

	private static List<Double> range(int from, int to) {
		List<Double> values = new ArrayList<>();
		for (int i = from; i < to; i++) {
			values.add((double) i);
		}
		return values;
	}

	/**
	 * A pipeline that keeps every sample and reports batches durable at once, or, while
	 * held, only when released.
	 */
	private static final class HoldingSink implements SampleSink {

		final List<Sample> samples = new CopyOnWriteArrayList<>();

		private final List<Runnable> held = new ArrayList<>();

		private boolean holding;

		@Override
		public void publish(List<Sample> batch) {
			this.samples.addAll(batch);
		}

		@Override
		public void publish(List<Sample> batch, Runnable onDurable) {
			this.samples.addAll(batch);
			synchronized (this) {
				if (this.holding) {
					this.held.add(onDurable);
					return;
				}
			}
			onDurable.run();
		}

		synchronized void hold() {
			this.holding = true;
		}

		void release() {
			List<Runnable> callbacks;
			synchronized (this) {
				this.holding = false;
				callbacks = List.copyOf(this.held);
				this.held.clear();
			}
			callbacks.forEach(Runnable::run);
		}

	}

}
