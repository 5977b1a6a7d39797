package io.parx.collector.opcua;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.support.NotADeviceServer;
import io.parx.common.sample.Quality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.parx.collector.opcua.OpcUaChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel test of an OPC UA channel whose host accepts the connection but does not
 * speak OPC UA: the test's timeout bounds the endpoint discovery, the session and the
 * read together, not each one (discovery alone waited for the 10 s request timeout).
 */
class OpcUaChannelTestTimeoutTests {

	private static final long MARGIN_MS = 800;

	@TempDir
	Path pkiDir;

	private OpcUaPki pki;

	private OpcUaEngine engine;

	@BeforeEach
	void createEngine() {
		// the production request timeout (10 s), longer than the test's
		OpcUaSettings settings = OpcUaSettings.defaults(this.pkiDir);
		this.pki = new OpcUaPki(this.pkiDir, settings.applicationUri(), settings.keystorePassword());
		this.engine = new OpcUaEngine(new CollectingSink(), settings, this.pki, new SimpleMeterRegistry());
	}

	@AfterEach
	void closeEngine() {
		this.engine.close();
		this.pki.close();
	}

	@Test
	void aHostThatAcceptsAndStaysSilentAnswersWithinTheTestTimeout() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			ReadResult result = assertAnsweredInTime(silent, 1000);
			assertThat(result.error()).contains("127.0.0.1:" + silent.port()).contains("1000 ms");
		}
	}

	@Test
	void aHostThatAnswersSomethingElseAnswersWithinTheTestTimeout() throws Exception {
		try (NotADeviceServer garbage = NotADeviceServer.garbage()) {
			ReadResult result = assertAnsweredInTime(garbage, 1000);
			assertThat(result.error()).isNotBlank();
		}
	}

	private ReadResult assertAnsweredInTime(NotADeviceServer server, long timeoutMs) {
		long start = System.nanoTime();
		ReadResult result = this.engine.readOnce(
				channel(0).endpoint("opc.tcp://127.0.0.1:" + server.port() + "/plc").build(),
				Duration.ofMillis(timeoutMs));
		long tookMs = (System.nanoTime() - start) / 1_000_000;

		assertThat(tookMs).isLessThan(timeoutMs + MARGIN_MS);
		assertThat(Quality.isBad(result.quality())).isTrue();
		return result;
	}

}
