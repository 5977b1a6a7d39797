package io.parx.router;

import java.time.Duration;
import java.util.List;

import io.parx.common.web.TextRules;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSocket side of the hostile-input suite (issue #17): every field of a client
 * message with NUL and control characters, long strings, wrong JSON types, huge and
 * negative numbers, plus unknown types and malformed JSON. Each gets an error frame that
 * is not INTERNAL_ERROR and stays small, and the session stays open.
 */
class HostileMessageTests extends AbstractIntegrationTest {

	private static final List<String> FIELDS = List.of("type", "id", "channelIds", "tags", "maxRate", "token");

	private static final List<String> VALUES = List.of("\"a\\u0000b\"", "\"a\\u0001\\u001bb\"",
			"\"" + "x".repeat(30_000) + "\"", "{}", "[\"a\\u0000\"]", "[{}]", "[-1]", "[99999999999999999999999]",
			"99999999999999999999999", "-1e308", "true", "[null]");

	@Test
	void everyFieldOfAClientMessageAnswersHostileValuesWithAnErrorAndTheSessionStaysOpen() {
		try (LiveClient client = operator()) {
			int sent = 0;
			for (String field : FIELDS) {
				for (String value : VALUES) {
					String type = field.equals("type") ? "" : "\"type\":\"subscribe\",";
					String base = field.equals("tags") ? "" : "\"tags\":[\"hostile-none\"],";
					client.send("{" + type + base + "\"" + field + "\":" + value + "}");
					sent++;
				}
			}
			client.send("{\"type\":");
			client.send("[1,2,3]");
			client.send("\"subscribe\"");
			sent += 3;
			int expected = sent;
			await().atMost(Duration.ofSeconds(20))
				.until(() -> client.ofType("error").size() >= expected || client.closeCode().isDone());
			assertThat(client.closeCode()).isNotDone();
			for (JsonNode error : client.ofType("error")) {
				assertThat(error.path("code").asString()).as(error.toString()).isNotEqualTo("INTERNAL_ERROR");
				assertThat(error.toString().length()).as(TextRules.prefix(error.toString())).isLessThan(4096);
			}
			client.send("{\"type\":\"ping\",\"id\":\"alive\"}");
			assertThat(client.awaitType("pong").path("id").asString()).isEqualTo("alive");
			System.out.println("data-router hostile WebSocket messages: " + sent);
		}
	}

}
