package io.parx.router;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribing, snapshots, updates, rate limits and unsubscribing over a real WebSocket
 * with samples published to real Redis (docs/API.md, "Live data WebSocket").
 */
class LiveSubscriptionTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-11-27T12:00:00.123456Z");

	@Test
	void subscriptionStartsWithASnapshotOfLatestValuesAndThenStreamsUpdates() {
		TestChannels channels = channels();
		long temperature = channels.create();
		long running = channels.create();
		long neverSeen = channels.create();
		storeLatest(Sample.of(temperature, T0, 21.5));
		storeLatest(Sample.of(running, T0, SampleValue.of(true), Quality.GOOD));
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"id\":\"s1\",\"channelIds\":[" + temperature + "," + running + ","
					+ neverSeen + "]}");
			JsonNode ack = client.awaitType("subscribed");
			assertThat(ack.path("id").asString()).isEqualTo("s1");
			assertThat(ack.path("channelIds").valueStream().map(JsonNode::asLong)).containsExactly(temperature, running,
					neverSeen);
			JsonNode snapshot = client.awaitType("snapshot");
			assertThat(snapshot.path("samples")).hasSize(2);
			JsonNode first = snapshot.path("samples").get(0);
			assertThat(first.path("channelId").asLong()).isEqualTo(temperature);
			assertThat(first.path("time").asString()).isEqualTo("2026-11-27T12:00:00.123456Z");
			assertThat(first.path("value").asDouble()).isEqualTo(21.5);
			assertThat(first.path("quality").asLong()).isZero();
			assertThat(snapshot.path("samples").get(1).path("value").asBoolean()).isTrue();

			publish(Sample.of(temperature, T0.plusSeconds(1), 22.0), Sample.of(neverSeen, T0.plusSeconds(1), 7),
					Sample.failed(running, T0.plusSeconds(1), Quality.BAD_NOT_CONNECTED));
			await().until(() -> client.samples("update").size() == 3);
			List<JsonNode> updates = client.samples("update");
			assertThat(updates.get(0).path("value").asDouble()).isEqualTo(22.0);
			assertThat(updates.get(1).path("value").asLong()).isEqualTo(7);
			assertThat(updates.get(2).has("value")).isFalse();
			assertThat(updates.get(2).path("quality").asLong()).isEqualTo(0x808A0000L);
			// The snapshot came before any update (messages are recorded in arrival
			// order).
			assertThat(client.messages().indexOf(snapshot))
				.isLessThan(client.messages().indexOf(client.ofType("update").get(0)));
		}
	}

	@Test
	void samplesOfChannelsNobodySubscribedAreNotSent() {
		TestChannels channels = channels();
		long wanted = channels.create();
		long other = channels.create();
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"channelIds\":[" + wanted + "]}");
			client.awaitType("snapshot");
			publish(Sample.of(other, T0, 1), Sample.of(wanted, T0, 2));
			await().until(() -> client.samples("update").size() == 1);
			assertThat(client.samples("update").get(0).path("channelId").asLong()).isEqualTo(wanted);
		}
	}

	@Test
	void subscribingToATagSubscribesAllItsChannels() {
		TestChannels channels = channels();
		List<Long> boiler = channels.create(3, "boiler-" + T0.getNano(), "plant");
		channels.create("other");
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"id\":\"t\",\"tags\":[\"boiler-" + T0.getNano() + "\"]}");
			JsonNode ack = client.awaitType("subscribed");
			assertThat(ack.path("channelIds").valueStream().map(JsonNode::asLong)).containsExactlyElementsOf(boiler);
		}
	}

	@Test
	void unknownChannelsAndTagsAreReportedWithAnErrorCode() {
		long known = channels().create();
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"id\":\"u\",\"channelIds\":[" + known
					+ ",999999999],\"tags\":[\"no-such-tag\"]}");
			JsonNode unknownChannel = client.awaitMessage((m) -> "UNKNOWN_CHANNEL".equals(m.path("code").asString()));
			assertThat(unknownChannel.path("rejected").get(0).asLong()).isEqualTo(999999999L);
			assertThat(unknownChannel.path("id").asString()).isEqualTo("u");
			client.awaitMessage((m) -> "UNKNOWN_TAG".equals(m.path("code").asString()));
			// The known channel is still subscribed.
			assertThat(client.awaitType("subscribed").path("channelIds").get(0).asLong()).isEqualTo(known);
		}
	}

	@Test
	void aControlCharacterInATagIsABadMessageNamingItNotUnavailable() {
		// the tag reached PostgreSQL, which cannot hold U+0000, and came back as
		// UNAVAILABLE
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"id\":\"n\",\"tags\":[\"a\\u0000b\"]}");
			var error = client.awaitType("error");
			assertThat(error.path("code").asString()).isEqualTo("BAD_MESSAGE");
			assertThat(error.path("message").asString()).startsWith("tags[0] contains the control character U+0000");
		}
	}

	@Test
	void malformedMessagesGetAnErrorAndTheSessionStaysOpen() {
		try (LiveClient client = operator()) {
			client.send("{not json");
			client.send("{\"type\":\"dance\"}");
			client.send("{\"type\":\"subscribe\",\"id\":\"r\",\"channelIds\":[1],\"maxRate\":-5}");
			await().until(() -> client.ofType("error").size() == 3);
			assertThat(client.ofType("error").stream().map((e) -> e.path("code").asString()))
				.containsExactly("BAD_MESSAGE", "BAD_MESSAGE", "BAD_RATE");
			client.send("{\"type\":\"ping\",\"id\":42}");
			assertThat(client.awaitType("pong").path("id").asString()).isEqualTo("42");
		}
	}

	@Test
	void aMessageLargerThanTheLimitClosesTheSessionWith1009() {
		// RFC 6455 §7.4.1: 1009, message too big; the limit is
		// parx.router.max-message-size (256 KB).
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"ping\",\"id\":\"" + "x".repeat(300_000) + "\"}");
			await().until(() -> client.closeCode().isDone());
			assertThat(client.closeCode().join()).isEqualTo(1009);
		}
	}

	@Test
	void maxRateSendsOnlyTheLatestValuePerIntervalAndNeverLosesTheLastOne() {
		long channel = channels().create();
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"channelIds\":[" + channel + "],\"maxRate\":2}");
			client.awaitType("snapshot");
			long start = System.nanoTime();
			publishEach(
					IntStream.rangeClosed(1, 100).mapToObj((i) -> Sample.of(channel, T0.plusMillis(i), i)).toList());
			double publishSeconds = (System.nanoTime() - start) / 1e9;
			// The last value always arrives, at the latest one interval (0.5 s) later.
			await().until(() -> {
				List<JsonNode> updates = client.samples("update");
				return !updates.isEmpty() && updates.get(updates.size() - 1).path("value").asLong() == 100;
			});
			// At most one sample per half second while publishing, plus the first and the
			// last: a handful, not 100.
			assertThat(client.samples("update")).hasSizeLessThanOrEqualTo(2 + (int) Math.ceil(publishSeconds * 2));
		}
	}

	@Test
	void unsubscribeStopsUpdatesOfThatChannelOnly() {
		TestChannels channels = channels();
		long kept = channels.create();
		long dropped = channels.create();
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"channelIds\":[" + kept + "," + dropped + "]}");
			client.awaitType("snapshot");
			client.send("{\"type\":\"unsubscribe\",\"id\":\"x\",\"channelIds\":[" + dropped + "]}");
			JsonNode ack = client.awaitType("unsubscribed");
			assertThat(ack.path("channelIds").get(0).asLong()).isEqualTo(dropped);
			publish(Sample.of(dropped, T0, 1), Sample.of(kept, T0, 2));
			publish(Sample.of(kept, T0.plusSeconds(1), 3));
			await().until(() -> client.samples("update").size() == 2);
			assertThat(client.samples("update").stream().map((s) -> s.path("channelId").asLong())).containsOnly(kept);
		}
	}

	@Test
	void disabledAndDeletedChannelsReachSubscribersAsStatusMessages() {
		TestChannels channels = channels();
		long channel = channels.create();
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe\",\"channelIds\":[" + channel + "]}");
			client.awaitType("snapshot");
			channels.setEnabled(channel, false);
			publishConfig("{\"entity\":\"channel\",\"id\":" + channel + ",\"op\":\"updated\",\"version\":1}");
			assertThat(client.awaitType("status").path("status").asString()).isEqualTo("disabled");

			channels.setEnabled(channel, true);
			publishConfig("{\"entity\":\"channel\",\"id\":" + channel + ",\"op\":\"updated\",\"version\":2}");
			client.awaitMessage((m) -> "enabled".equals(m.path("status").asString()));

			channels.delete(channel);
			publishConfig("{\"entity\":\"channel\",\"id\":" + channel + ",\"op\":\"deleted\",\"version\":1}");
			client.awaitMessage((m) -> "deleted".equals(m.path("status").asString()));
			// A deleted channel is unsubscribed: its late samples are not forwarded.
			long other = channels.create();
			client.send("{\"type\":\"subscribe\",\"channelIds\":[" + other + "]}");
			await().until(() -> client.ofType("snapshot").size() == 2);
			publish(Sample.of(channel, T0, 1), Sample.of(other, T0, 2));
			await().until(() -> client.samples("update").size() == 1);
			assertThat(client.samples("update").get(0).path("channelId").asLong()).isEqualTo(other);
		}
	}

}
