package io.parx.web.upstream;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.parx.web.GatewayIntegrationTest;
import io.parx.web.LiveClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live WebSocket through the gateway, as docs/API.md "Live data WebSocket" describes
 * it: the browser offers {@code parx.v1} and {@code bearer.<token>}, the data-router sees
 * both and answers {@code parx.v1}, and messages flow both ways.
 */
class LiveSocketTests extends GatewayIntegrationTest {

	@Test
	void theTokenSubprotocolReachesTheRouterAndTheBrowserGetsParxV1() throws Exception {
		try (LiveClient client = LiveClient.connect(wsUrl("/ws"), "abc.def")) {
			// A browser fails the connection unless the answer is one of the offered
			// values; the token must never be the one echoed.
			assertThat(client.subprotocol()).isEqualTo("parx.v1");
			String welcome = client.next();
			assertThat(welcome).contains("\"selected\":\"parx.v1\"");
			String offered = welcome.replaceAll(".*\"offered\":\"([^\"]*)\".*", "$1");
			assertThat(Arrays.stream(offered.split(",")).map(String::strip)).containsExactly("parx.v1",
					"bearer.abc.def");
		}
	}

	@Test
	void messagesPassBothWays() throws Exception {
		try (LiveClient client = LiveClient.connect(wsUrl("/ws"), "abc")) {
			client.next();
			client.send("{\"type\":\"subscribe\",\"id\":\"s1\",\"channelIds\":[42]}");
			assertThat(client.next()).isEqualTo("echo:{\"type\":\"subscribe\",\"id\":\"s1\",\"channelIds\":[42]}");
		}
	}

	@Test
	void aMessageLargerThan64KilobytesPassesBothWays() throws Exception {
		// A snapshot of thousands of channels is one frame of up to about 1 MB.
		String large = "x".repeat(512 * 1024);
		try (LiveClient client = LiveClient.connect(wsUrl("/ws"), "abc")) {
			client.next();
			client.send(large);
			assertThat(client.next()).isEqualTo("echo:" + large);
		}
	}

	@Test
	void aTokenTheRouterRefusesClosesTheSocketWith4401() throws Exception {
		// The gateway has accepted the socket before the router refuses the handshake
		// with 401, so the browser learns it from the close code: get a fresh token,
		// reconnect.
		try (LiveClient client = LiveClient.connect(wsUrl("/ws"), "rejected")) {
			assertThat(client.closeCode(Duration.ofSeconds(3))).isEqualTo(4401);
		}
	}

	@Test
	void aRouterThatIsDownClosesTheSocketPromptly() throws Exception {
		DATA_ROUTER.stop();
		try (LiveClient client = LiveClient.connect(wsUrl("/ws"), "abc")) {
			// 1011: an error on the server side; the client reconnects with its backoff.
			assertThat(client.closeCode(Duration.ofSeconds(3))).isEqualTo(1011);
		}
		finally {
			DATA_ROUTER.start();
		}
	}

}
