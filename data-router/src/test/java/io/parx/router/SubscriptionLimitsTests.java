package io.parx.router;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests at the documented limits (docs/API.md, "Client messages"): they are answered,
 * not punished with a close, and bad ones get errors a client developer can act on.
 */
class SubscriptionLimitsTests extends AbstractIntegrationTest {

	@Test
	void aSubscribeNamingThousandsOfDisabledChannelsGetsTheirStatusInOneFrameAndKeepsTheSession() {
		// Once one status frame per channel: more than 1,000 filled the control queue
		// and the session was closed as a slow consumer (4408) within milliseconds.
		List<Long> disabled = channels().createBlock(2_500, false);
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"id\":\"d\",\"channelIds\":" + json(disabled) + "}");
			assertThat(client.awaitType("subscribed").path("channelIds")).hasSize(2_500);
			JsonNode status = client.awaitType("status");
			assertThat(status.path("status").asString()).isEqualTo("disabled");
			assertThat(status.path("channelIds").valueStream().map(JsonNode::asLong))
				.containsExactlyElementsOf(disabled);
			client.send("{\"type\":\"ping\",\"id\":\"alive\"}");
			assertThat(client.awaitType("pong").path("id").asString()).isEqualTo("alive");
			assertThat(client.closeCode()).isNotDone();
		}
	}

	@Test
	void tenThousandSixDigitChannelIdsFitInOneSubscribe() {
		// 10,000 subscriptions is the documented limit; as six-digit ids they take about
		// 70 KB, beyond the 64 KB a message once could have (closed with 1009).
		List<Long> ids = channels().createBlock(10_000, true);
		try (LiveClient client = operator()) {
			String subscribe = "{\"type\":\"subscribe\",\"id\":\"all\",\"channelIds\":" + json(ids) + "}";
			assertThat(subscribe.length()).isGreaterThan(64 * 1024);
			client.send(subscribe);
			JsonNode ack = client.awaitType("subscribed");
			assertThat(ack.path("id").asString()).isEqualTo("all");
			assertThat(ack.path("channelIds")).hasSize(10_000);
			client.awaitType("snapshot");
			assertThat(client.closeCode()).isNotDone();
		}
	}

	@Test
	void badMessagesAreExplainedInTheProtocolsWordsWithoutJavaNames() {
		try (LiveClient client = operator()) {
			List<String> bad = List.of("{not json", "[1,2]", "\"subscribe\"",
					"{\"type\":\"subscribe\",\"channelIds\":[\"abc\"]}",
					"{\"type\":\"subscribe\",\"channelIds\":{\"a\":1}}",
					"{\"type\":\"subscribe\",\"channelIds\":[1],\"maxRate\":\"fast\"}",
					"{\"type\":\"subscribe\",\"tags\":[{\"x\":1}]}", "{\"type\":{\"nested\":true}}",
					"{\"type\":\"subscribe\",\"channelIds\":[99999999999999999999999]}");
			bad.forEach(client::send);
			await().until(() -> client.ofType("error").size() == bad.size());
			List<String> texts = client.ofType("error").stream().map((e) -> e.path("message").asString()).toList();
			assertThat(client.ofType("error")).allSatisfy(
					(error) -> assertThat(error.path("code").asString()).as(error.toString()).isEqualTo("BAD_MESSAGE"));
			assertThat(texts).allSatisfy((text) -> assertThat(text).doesNotContainIgnoringCase("java")
				.doesNotContain("io.parx", "ClientMessage", "`", "class ", "Long", "String", "Double"));
			assertThat(texts.get(0)).startsWith("not valid JSON");
			assertThat(texts.get(3))
				.isEqualTo("'channelIds[0]' has the wrong type: channelIds is a list of channel ids (integers)");
			assertThat(texts.get(5)).contains("maxRate is a number");
			client.send("{\"type\":\"ping\",\"id\":\"after\"}");
			assertThat(client.awaitType("pong").path("id").asString()).isEqualTo("after");
		}
	}

	private static String json(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
	}

}
