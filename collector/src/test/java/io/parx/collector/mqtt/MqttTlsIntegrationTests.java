package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parx.collector.engine.ConnectionStatus;
import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ssl://} brokers with credentials, against a Mosquitto of the test's own with a
 * TLS listener and a password file.
 */
class MqttTlsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	static Path dir;

	private static SecuredMosquitto broker;

	private final CollectingSink sink = new CollectingSink();

	private MqttEngine engine;

	@BeforeAll
	static void startBroker() throws Exception {
		broker = SecuredMosquitto.start(dir);
	}

	@AfterAll
	static void stopBroker() throws Exception {
		broker.close();
	}

	@AfterEach
	void closeEngine() {
		if (this.engine != null) {
			this.engine.apply(List.of());
			this.engine.close();
		}
	}

	@Test
	void tlsBrokerWithCredentialsDeliversMessages() throws Exception {
		this.engine = engine(broker.trustStore());
		this.engine.apply(List.of(channel(1).broker(broker.url())
			.setting("username", SecuredMosquitto.USERNAME)
			.setting("password", SecuredMosquitto.PASSWORD)
			.topic("plant/tls")
			.build()));
		await().atMost(WAIT)
			.until(() -> ConnectionStatus.CONNECTED.equals(this.engine.status().connections().getFirst().state()));

		try (var publisher = new Publisher()) {
			await().atMost(WAIT).until(() -> {
				publisher.publish("plant/tls", "99.5");
				return this.sink.of(1).stream().anyMatch((sample) -> SampleValue.of(99.5).equals(sample.value()));
			});
		}
	}

	@Test
	void wrongPasswordIsReportedAndNothingArrives() {
		this.engine = engine(broker.trustStore());
		this.engine.apply(List.of(channel(1).broker(broker.url())
			.setting("username", SecuredMosquitto.USERNAME)
			.setting("password", "wrong")
			.topic("plant/tls")
			.build()));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.engine.status().connections().getFirst().lastError())
				.contains("NOT_AUTHORIZED"));
		assertThat(this.engine.status().connections().getFirst().state()).isNotEqualTo(ConnectionStatus.CONNECTED);
		assertThat(this.sink.of(1)).noneMatch((sample) -> sample.quality() == Quality.GOOD);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.sink.of(1)).last()
				.satisfies((sample) -> assertThat(sample.quality()).isEqualTo(Quality.BAD_NOT_CONNECTED)));
	}

	@Test
	void brokerCertificateOutsideTheTrustStoreIsRefused() {
		// the JVM's default trust does not know the broker's self-signed certificate
		this.engine = engine(null);
		this.engine.apply(List.of(channel(1).broker(broker.url())
			.setting("username", SecuredMosquitto.USERNAME)
			.setting("password", SecuredMosquitto.PASSWORD)
			.topic("plant/tls")
			.build()));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.engine.status().connections().getFirst().lastError())
				.contains("certification path"));
		assertThat(this.engine.status().connections().getFirst().state()).isNotEqualTo(ConnectionStatus.CONNECTED);
	}

	private MqttEngine engine(Path trustStore) {
		MqttSettings settings = new MqttSettings(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMillis(200),
				Duration.ofSeconds(1), "parx-tls-" + UUID.randomUUID().toString().substring(0, 6), trustStore,
				(trustStore != null) ? "changeit" : null);
		return new MqttEngine(this.sink, settings, MqttChannelFixture.INSTALLATION, new SimpleMeterRegistry());
	}

	/** A second client over TLS with the same credentials. */
	private static final class Publisher implements AutoCloseable {

		private final Mqtt5BlockingClient client;

		Publisher() throws Exception {
			KeyStore store = KeyStore.getInstance(broker.trustStore().toFile(), "changeit".toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			this.client = MqttClient.builder()
				.useMqttVersion5()
				.identifier("parx-tls-pub-" + UUID.randomUUID().toString().substring(0, 6))
				.serverHost("127.0.0.1")
				.serverPort(broker.port())
				.sslConfig(MqttClientSslConfig.builder().trustManagerFactory(trust).build())
				.simpleAuth()
				.username(SecuredMosquitto.USERNAME)
				.password(SecuredMosquitto.PASSWORD.getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth()
				.buildBlocking();
			this.client.connect();
		}

		void publish(String topic, String payload) {
			this.client.publishWith()
				.topic(topic)
				.payload(payload.getBytes(StandardCharsets.UTF_8))
				.qos(MqttQos.AT_LEAST_ONCE)
				.send();
		}

		@Override
		public void close() {
			this.client.disconnect();
		}

	}

}
