package io.parx.collector.mqtt;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.support.NotADeviceServer;
import io.parx.common.sample.Quality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel test of an MQTT channel whose host accepts the connection but is no broker:
 * the test's timeout bounds the connect, the subscription and the wait together.
 */
class MqttChannelTestTimeoutTests {

	private static final long MARGIN_MS = 800;

	private final MqttEngine engine = new MqttEngine(new CollectingSink(),
			new MqttSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMillis(200),
					Duration.ofSeconds(1), "parx-test", null, null),
			MqttChannelFixture.INSTALLATION, new SimpleMeterRegistry());

	@BeforeEach
	void loadTheClient() {
		// The first HiveMQ client of a JVM loads Netty (1-2 s on a shared 2-core
		// machine),
		// before any device is asked; the collector's API bounds that too
		// (CollectorApiTests), here the engine's own timing is measured.
		this.engine.readOnce(channel(0).broker("tcp://127.0.0.1:1").topic("parx-test/none").build(),
				Duration.ofSeconds(5));
	}

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void aHostThatAcceptsAndStaysSilentAnswersWithinTheTestTimeout() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			assertAnsweredInTime(silent, 1000);
		}
	}

	@Test
	void aHostThatAnswersSomethingElseAnswersWithinTheTestTimeout() throws Exception {
		try (NotADeviceServer garbage = NotADeviceServer.garbage()) {
			assertAnsweredInTime(garbage, 1000);
		}
	}

	private void assertAnsweredInTime(NotADeviceServer server, long timeoutMs) {
		long start = System.nanoTime();
		ReadResult result = this.engine.readOnce(
				channel(0).broker("tcp://127.0.0.1:" + server.port()).topic("parx-test/none").build(),
				Duration.ofMillis(timeoutMs));
		long tookMs = (System.nanoTime() - start) / 1_000_000;

		assertThat(tookMs).isLessThan(timeoutMs + MARGIN_MS);
		assertThat(result.quality()).isEqualTo(Quality.BAD_NOT_CONNECTED);
		assertThat(result.error()).contains("tcp://127.0.0.1:" + server.port()).doesNotContain("TimeoutException");
	}

}
