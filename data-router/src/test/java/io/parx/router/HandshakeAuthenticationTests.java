package io.parx.router;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may open the live WebSocket, and what happens when a token runs out during a
 * session (docs/CONTRACTS.md, "Security": query parameter or {@code bearer.<token>}
 * subprotocol, because browsers cannot set headers on a WebSocket).
 */
class HandshakeAuthenticationTests extends AbstractIntegrationTest {

	@Test
	void handshakeWithoutTokenIsRefusedWith401() {
		assertThat(LiveClient.refusedStatus(wsUri())).isEqualTo(401);
	}

	@Test
	void handshakeWithTokenSignedByAnotherKeyIsRefusedWith401() {
		assertThat(LiveClient.refusedStatus(wsUri(TOKENS.wrongKeyToken("mallory", "ADMIN")))).isEqualTo(401);
	}

	@Test
	void handshakeWithExpiredTokenIsRefusedWith401() {
		assertThat(LiveClient.refusedStatus(wsUri(TOKENS.expiredToken("olivia", "OPERATOR")))).isEqualTo(401);
	}

	@Test
	void handshakeWithGarbageTokenIsRefusedWith401() {
		assertThat(LiveClient.refusedStatus(wsUri("not-a-jwt"))).isEqualTo(401);
		assertThat(LiveClient.refusedStatus(wsUri(), "parx.v1", "bearer.not-a-jwt")).isEqualTo(401);
	}

	@Test
	void handshakeWithUnsignedTokenIsRefusedWith401() {
		// RFC 8725 §3.1: "none" is never an accepted algorithm.
		assertThat(LiveClient.refusedStatus(wsUri(TOKENS.unsignedToken("mallory", "ADMIN")))).isEqualTo(401);
	}

	@Test
	void handshakeWithTokenWithoutParxRoleIsRefusedWith403() {
		assertThat(LiveClient.refusedStatus(wsUri(TOKENS.token("guest", "VISITOR")))).isEqualTo(403);
	}

	@Test
	void tokenAsQueryParameterOpensSessionAndWelcomesTheUser() {
		try (LiveClient client = LiveClient.connect(wsUri(TOKENS.token("olivia", "OPERATOR")))) {
			JsonNode welcome = client.awaitType("welcome");
			assertThat(welcome.path("user").asString()).isEqualTo("olivia");
			assertThat(welcome.path("protocol").asString()).isEqualTo("parx.v1");
		}
	}

	@Test
	void tokenAsSubprotocolOpensSessionAndTheOfferedParxProtocolIsEchoed() {
		// A browser fails the connection unless the server picks one of the offered
		// subprotocols (RFC 6455 §4.1).
		String token = TOKENS.token("erin", "ENGINEER");
		try (LiveClient client = LiveClient.connect(wsUri(), "parx.v1", "bearer." + token)) {
			client.awaitType("welcome");
			assertThat(client.subprotocol()).isEqualTo("parx.v1");
		}
		try (LiveClient client = LiveClient.connect(wsUri(), "bearer." + token)) {
			client.awaitType("welcome");
			assertThat(client.subprotocol()).isEqualTo("bearer." + token);
		}
	}

	@Test
	void sessionWhoseTokenExpiresIsAskedForAFreshOneAndStaysOpenWhenItComes() {
		Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		String shortLived = TOKENS.custom("olivia", "OPERATOR").expiresAt(expiry).sign();
		try (LiveClient client = LiveClient.connect(wsUri(shortLived))) {
			JsonNode request = client.awaitType("auth-required");
			assertThat(Instant.parse(request.path("tokenExpiresAt").asString())).isEqualTo(expiry);
			client.send("{\"type\":\"auth\",\"id\":\"a1\",\"token\":\"" + TOKENS.token("olivia", "OPERATOR") + "\"}");
			assertThat(client.awaitType("authenticated").path("id").asString()).isEqualTo("a1");
			// Past expiry plus grace (2 s in tests), the session still answers.
			await().pollDelay(Duration.between(Instant.now(), expiry.plusSeconds(3)))
				.until(() -> !client.closeCode().isDone());
			client.send("{\"type\":\"ping\",\"id\":\"p1\"}");
			assertThat(client.awaitType("pong").path("id").asString()).isEqualTo("p1");
		}
	}

	@Test
	void sessionWhoseTokenExpiresWithoutAFreshOneIsClosedWith4401() {
		String shortLived = TOKENS.custom("olivia", "OPERATOR").expiresAt(Instant.now().plusSeconds(2)).sign();
		try (LiveClient client = LiveClient.connect(wsUri(shortLived))) {
			client.awaitType("auth-required");
			await().until(() -> client.closeCode().isDone());
			assertThat(client.closeCode().join()).isEqualTo(4401);
		}
	}

	@Test
	void freshTokenOfAnotherUserIsRejected() {
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"auth\",\"id\":\"a2\",\"token\":\"" + TOKENS.token("mallory", "ADMIN") + "\"}");
			JsonNode error = client.awaitType("error");
			assertThat(error.path("code").asString()).isEqualTo("AUTH_FAILED");
			assertThat(error.path("id").asString()).isEqualTo("a2");
		}
	}

}
