package io.parx.admin.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.parx.admin.system.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which client address sign-in throttling counts when requests come through the web
 * gateway: the one the gateway forwards in {@code X-Forwarded-For}, but only from a
 * trusted proxy ({@code PARX_TRUSTED_PROXIES}, 127.0.0.1 in the test context). Real HTTP
 * over a socket bound to the sender's address, because the address is Tomcat's business
 * (RemoteIpValve), which MockMvc bypasses; Linux answers on all of 127.0.0.0/8.
 */
class ClientAddressTests extends AbstractIntegrationTest {

	private static final String TRUSTED_PROXY = "127.0.0.1";

	private static final String UNTRUSTED_CLIENT = "127.0.0.2";

	@LocalServerPort
	int port;

	@Test
	void behindATrustedProxyEachForwardedClientIsThrottledByItsOwnAddress() throws IOException {
		// Without this every user would share the gateway's address, and one user's typos
		// would lock everybody out of signing in.
		String attacker = freshIp();
		for (int i = 0; i < 4; i++) {
			assertThat(login(TRUSTED_PROXY, attacker, "sprayed-by-proxy-" + i, "guess")).isEqualTo(401);
		}
		assertThat(login(TRUSTED_PROXY, attacker, "sprayed-by-proxy-new", "guess")).isEqualTo(429);
		assertThat(login(TRUSTED_PROXY, freshIp(), ADMIN_USERNAME, ADMIN_PASSWORD)).isEqualTo(200);
	}

	@Test
	void aClientThatIsNotATrustedProxyCannotChooseItsAddress() throws IOException {
		// A forged X-Forwarded-For per attempt must not buy fresh free attempts.
		for (int i = 0; i < 4; i++) {
			assertThat(login(UNTRUSTED_CLIENT, freshIp(), "sprayed-direct-" + i, "guess")).isEqualTo(401);
		}
		assertThat(login(UNTRUSTED_CLIENT, freshIp(), "sprayed-direct-new", "guess")).isEqualTo(429);
	}

	/** {@code POST /api/v1/auth/login} sent from {@code from}; returns the status. */
	private int login(String from, String forwardedFor, String username, String password) throws IOException {
		byte[] body = LoginTests.credentials(username, password).getBytes(StandardCharsets.UTF_8);
		String head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\nX-Forwarded-For: " + forwardedFor
				+ "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

}
