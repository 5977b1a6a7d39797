package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.SampleSink;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.db.test.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The collector's connection to the broker dropped again and again while QoS 1 messages
 * keep coming: the persistent session (Clean Start 0 and a Session Expiry Interval, MQTT
 * 5.0 §3.1.2.4, §3.1.2.11) keeps what arrives while the collector is away, and a message
 * delivered but not yet acknowledged when the connection drops is delivered again (§4.4),
 * so nothing the broker accepted is lost. Against the real Mosquitto behind a proxy the
 * test cuts; the publisher talks to the broker directly.
 */
class MqttFlappingConnectionTests {

	private static final MqttSettings SETTINGS = new MqttSettings(Duration.ofMinutes(5), Duration.ofSeconds(5),
			Duration.ofMillis(100), Duration.ofMillis(500), "parx-test", null, null);

	private static final int MESSAGES = 3000;

	private static final int DROPS = 8;

	private final ScheduledExecutorService redis = Executors.newSingleThreadScheduledExecutor();

	private final List<MqttEngine> engines = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		// apply(empty) ends the session on the broker; close() alone would keep it.
		this.engines.forEach((engine) -> engine.apply(List.of()));
		this.engines.forEach(MqttEngine::close);
		this.redis.shutdownNow();
	}

	@Test
	void everyQos1MessageTheBrokerAcceptedArrivesWhileTheConnectionDropsEightTimes(@TempDir Path dir) throws Exception {
		try (RestartableMosquitto broker = RestartableMosquitto.start(dir, "max_queued_messages 100000")) {
			deliverWhileFlapping(broker);
			assertThat(broker.log()).doesNotContain("Outgoing messages are being dropped");
		}
	}

	private void deliverWhileFlapping(RestartableMosquitto mosquitto) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String topic = "parx-test/" + run + "/flap";
		SlowDurableSink sink = new SlowDurableSink(this.redis);
		Mqtt5AsyncClient publisher = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-test-flap-pub-" + run)
			.serverHost("127.0.0.1")
			.serverPort(mosquitto.port())
			.buildAsync();
		publisher.connect().get(10, TimeUnit.SECONDS);
		try (TcpProxy proxy = new TcpProxy("127.0.0.1", mosquitto.port())) {
			MqttEngine engine = new MqttEngine(sink, SETTINGS, MqttChannelFixture.INSTALLATION,
					new SimpleMeterRegistry());
			this.engines.add(engine);
			engine.apply(List.of(channel(1).broker("tcp://127.0.0.1:" + proxy.port())
				.clientId("parx-test-flap-" + run)
				.topic(topic)
				.build()));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				send(publisher, topic, -1, null);
				Thread.sleep(100);
				return sink.values().contains(-1.0);
			});

			Set<Double> accepted = ConcurrentHashMap.newKeySet();
			Thread flapping = Thread.ofVirtual().start(() -> flap(proxy, engine));
			for (int i = 0; i < MESSAGES; i++) {
				send(publisher, topic, i, accepted);
				if (i % 2 == 0) {
					Thread.sleep(1);
				}
			}
			flapping.join();

			await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() == MESSAGES);
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sink.values()).containsAll(accepted));
			// every drop ended a connection that was up, and each outage is reported once
			assertThat(sink.outages()).isGreaterThanOrEqualTo(DROPS);
		}
		finally {
			publisher.disconnect();
		}
	}

	/**
	 * Cuts the collector's connection for 150-400 ms, then lets it back, eight times. The
	 * next cut waits until the collector is connected again: on a busy machine the
	 * reconnect can take seconds, and a cut while it is still away would be the same
	 * outage, not a new one.
	 */
	private static void flap(TcpProxy proxy, MqttEngine engine) {
		try {
			for (int drop = 0; drop < DROPS; drop++) {
				await().atMost(Duration.ofSeconds(30)).until(() -> connected(engine));
				Thread.sleep(250);
				proxy.cut();
				Thread.sleep(150 + 50 * (drop % 6));
				proxy.restore();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean connected(MqttEngine engine) {
		List<ConnectionStatus> connections = engine.status().connections();
		return !connections.isEmpty()
				&& connections.stream().allMatch((connection) -> ConnectionStatus.CONNECTED.equals(connection.state()));
	}

	private static void send(Mqtt5AsyncClient publisher, String topic, int value, Set<Double> accepted) {
		publisher.publishWith()
			.topic(topic)
			.payload(Integer.toString(value).getBytes(StandardCharsets.UTF_8))
			.qos(MqttQos.AT_LEAST_ONCE)
			.send()
			.whenComplete((result, ex) -> {
				// the broker's PUBACK: from here on the message is the broker's to
				// deliver
				if (accepted != null && ex == null && result.getError().isEmpty()) {
					accepted.add((double) value);
				}
			});
	}

	/**
	 * A pipeline whose batches become durable 20 ms after they arrive, like a Redis round
	 * trip: a drop finds messages handed over but not yet acknowledged to the broker.
	 */
	private static final class SlowDurableSink implements SampleSink {

		private final List<Sample> samples = new CopyOnWriteArrayList<>();

		private final ScheduledExecutorService redis;

		SlowDurableSink(ScheduledExecutorService redis) {
			this.redis = redis;
		}

		@Override
		public void publish(List<Sample> batch) {
			this.samples.addAll(batch);
		}

		@Override
		public void publish(List<Sample> batch, Runnable onDurable) {
			this.redis.schedule(() -> {
				this.samples.addAll(batch);
				onDurable.run();
			}, 20, TimeUnit.MILLISECONDS);
		}

		Set<Double> values() {
			Set<Double> values = ConcurrentHashMap.newKeySet();
			this.samples.stream().filter(Sample::isGood).forEach((sample) -> values.add(sample.value().asDouble()));
			return values;
		}

		long outages() {
			return this.samples.stream().filter((sample) -> sample.quality() == Quality.BAD_NOT_CONNECTED).count();
		}

	}

}
