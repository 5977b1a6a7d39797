package io.parx.router;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import io.parx.common.sample.Sample;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A router restart is survived by clients that reconnect and resubscribe, as the bundled
 * client (parx-live.js) does: the restarted router has no memory of sessions, and the
 * client's resubscription brings a fresh snapshot.
 */
class RouterRestartTests extends AbstractIntegrationTest {

	@Test
	void clientThatReconnectsAndResubscribesAfterARestartGetsASnapshotAndUpdatesAgain() throws IOException {
		long channel = channels().create();
		int port = freePort();
		URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + TOKENS.token("olivia", "OPERATOR"));
		String subscribe = "{\"type\":\"subscribe\",\"channelIds\":[" + channel + "]}";

		ConfigurableApplicationContext router = startRouter(port);
		LiveClient before = LiveClient.connect(uri);
		before.send(subscribe);
		before.awaitType("snapshot");
		publish(Sample.of(channel, Instant.parse("2026-11-27T12:00:00Z"), 1));
		await().until(() -> before.samples("update").size() == 1);

		router.close();
		// 1001 Going Away (RFC 6455 §7.4.1): the client knows to reconnect.
		await().until(() -> before.closeCode().isDone());
		assertThat(before.closeCode().join()).isEqualTo(1001);

		storeLatest(Sample.of(channel, Instant.parse("2026-11-27T12:00:01Z"), 2));
		router = startRouter(port);
		try {
			LiveClient after = await().ignoreException(CompletionException.class)
				.until(() -> LiveClient.connect(uri), (client) -> client != null);
			try (after) {
				after.send(subscribe);
				assertThat(after.awaitType("snapshot").path("samples").get(0).path("value").asLong()).isEqualTo(2);
				publish(Sample.of(channel, Instant.parse("2026-11-27T12:00:02Z"), 3));
				await().until(() -> after.samples("update").size() == 1);
				assertThat(after.samples("update").get(0).path("value").asLong()).isEqualTo(3);
			}
		}
		finally {
			router.close();
		}
	}

	private static ConfigurableApplicationContext startRouter(int port) {
		// As command-line arguments: they win over application.yml, as in production.
		List<String> arguments = new ArrayList<>();
		properties((name, value) -> arguments.add("--" + name + "=" + value.get()));
		arguments.add("--server.port=" + port);
		return new SpringApplicationBuilder(DataRouterApplication.class).run(arguments.toArray(String[]::new));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
