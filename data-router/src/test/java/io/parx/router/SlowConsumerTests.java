package io.parx.router;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading must not hold up the Redis listener or other clients, and
 * is closed once it stays stuck past {@code parx.router.stuck-timeout} (3 s in tests).
 */
class SlowConsumerTests extends AbstractIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aClientThatStopsReadingDoesNotDelayAFastOneAndIsClosedAsSlowConsumer() {
		long channel = channels().create();
		double slowClosedBefore = slowConsumerCloses();
		// 32 KB per sample: a few hundred of them fill the socket buffers of a client
		// that does not read, so the router's send to it blocks for real.
		String payload = "x".repeat(32 * 1024);
		LiveClient slow = LiveClient.slow(wsUri(TOKENS.token("sam", "OPERATOR")), 3);
		try (LiveClient fast = operator(); slow) {
			slow.send("{\"type\":\"subscribe\",\"channelIds\":[" + channel + "]}");
			fast.send("{\"type\":\"subscribe\",\"channelIds\":[" + channel + "]}");
			fast.awaitType("snapshot");
			await().until(() -> slow.messages().size() == 3);
			Instant start = Instant.now();
			int count = 600;
			publishEach(IntStream.rangeClosed(1, count)
				.mapToObj((i) -> Sample.of(channel, Instant.EPOCH.plusMillis(i), SampleValue.of(i + ":" + payload),
						Quality.GOOD))
				.toList());
			Duration publishing = Duration.between(start, Instant.now());
			await().until(() -> lastValue(fast).startsWith(count + ":"));
			Duration fastDone = Duration.between(start, Instant.now());
			// The fast client keeps pace with the publisher: the newest value reaches it
			// within a second of the last publish, whatever the slow one does.
			assertThat(fastDone.minus(publishing)).isLessThan(Duration.ofSeconds(1));

			await().until(() -> slowConsumerCloses() > slowClosedBefore);
			fast.send("{\"type\":\"ping\",\"id\":\"still-here\"}");
			fast.awaitType("pong");
			assertThat(this.meters.get("parx.router.samples.coalesced").counter().count()).isPositive();
		}
	}

	private static String lastValue(LiveClient client) {
		List<JsonNode> updates = client.samples("update");
		return updates.isEmpty() ? "" : updates.get(updates.size() - 1).path("value").asString();
	}

	private double slowConsumerCloses() {
		var counter = this.meters.find("parx.router.sessions.closed").tag("reason", "slow-consumer").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
