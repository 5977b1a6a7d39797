package io.parx.admin.channels;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the channel test reports a collector that cannot help (no Spring context needed).
 */
class ChannelTesterTests {

	private static final Channel CHANNEL = new Channel(7, "sim", "", "", DataType.FLOAT64, 1, 0, 1000, true, null,
			List.of(), Protocol.SIMULATOR, Map.of("waveform", "SINE"), 0, Instant.EPOCH, Instant.EPOCH);

	@Test
	void anUnreachableCollectorIsA503NamingIt() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ChannelTester tester = tester(new CollectorSettings(URI.create("http://127.0.0.1:" + closedPort),
				Duration.ofSeconds(2), Duration.ofSeconds(2)));
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> tester.test(CHANNEL, null))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getBody().getDetail()).contains("127.0.0.1:" + closedPort).contains("cannot be reached");
			});
	}

	@Test
	void aCollectorSlowerThanTheTimeoutIsA503SayingSo() throws IOException {
		CountDownLatch release = new CountDownLatch(1);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		server.start();
		try {
			ChannelTester tester = tester(
					new CollectorSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
							Duration.ofMillis(300), Duration.ofMillis(300)));
			assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> tester.test(CHANNEL, null))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
					assertThat(ex.getBody().getDetail()).contains("did not answer within 300 ms");
				});
		}
		finally {
			release.countDown();
			server.stop(0);
		}
	}

	@Test
	void fillsQualityNameAndLatencyWhenTheCollectorLeavesThemOut() {
		Map<String, Object> result = ChannelTester.result(Map.of("value", 1.5), 42);
		assertThat(result).containsEntry("value", 1.5)
			.containsEntry("quality", 0L)
			.containsEntry("qualityName", "Good")
			.containsEntry("latencyMs", 42L);
	}

	/** A tester of the one collector at {@code settings.url()}. */
	private static ChannelTester tester(CollectorSettings settings) {
		return new ChannelTester(new CollectorClient(settings), (channel) -> settings.url());
	}

}
