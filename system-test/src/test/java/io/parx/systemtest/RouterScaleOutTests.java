package io.parx.systemtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.parx.bench.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several data-routers behind a load balancer (issue #21): a router keeps no state of its
 * own (sessions read Redis's live channel and latest values, the directory reads the
 * config database), so a second process started beside the first serves the same samples
 * to its clients, and one router's client learns nothing the other's does not.
 */
@ExtendWith(SharedStack.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RouterScaleOutTests {

	@Test
	void aClientOfEachOfTwoRoutersReceivesTheSameSamples(ParxStack stack) throws Exception {
		String admin = stack.login(ParxStack.ADMIN, ParxStack.ADMIN_PASSWORD);
		Api.Response created = Api.post(stack.url("admin-api", "/api/v1/io/channels"), admin,
				Map.of("name", "Routers.Sine", "dataType", "FLOAT64", "protocol", "SIMULATOR", "pollIntervalMs", 200,
						"tags", List.of("router-scale-out"), "settings",
						Map.of("waveform", "SINE", "amplitude", 10, "periodMs", 7000, "offset", 0)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long channel = created.json().path("id").asLong();

		try (ServiceProcess second = stack.startAnother("data-router");
				LiveClient first = new LiveClient(stack.service("data-router").url(), admin);
				LiveClient other = new LiveClient(second.url(), admin)) {
			first.subscribe(List.of(channel));
			other.subscribe(List.of(channel));
			await("samples at both routers").atMost(Duration.ofSeconds(60))
				.until(() -> !first.updates(channel).isEmpty() && !other.updates(channel).isEmpty());
			// from a sample both have onwards, 5 seconds of samples at 5 per second
			Instant from = latest(first.updates(channel).getFirst().sourceTime(),
					other.updates(channel).getFirst().sourceTime());
			Instant to = from.plusSeconds(5);
			await("5 s of samples at both routers").atMost(Duration.ofSeconds(60))
				.until(() -> reached(first, channel, to) && reached(other, channel, to));

			List<String> atFirst = window(first, channel, from, to);
			List<String> atOther = window(other, channel, from, to);
			assertThat(atFirst).as("samples at the first router").hasSizeGreaterThanOrEqualTo(15);
			assertThat(atOther).as("samples at the second router").isEqualTo(atFirst);
			System.out.printf("two routers: the same %d samples at each client%n", atFirst.size());
		}
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static boolean reached(LiveClient client, long channel, Instant to) {
		List<LiveClient.Received> updates = client.updates(channel);
		return !updates.isEmpty() && updates.getLast().sourceTime().isAfter(to);
	}

	/** The samples of [from, to] as "time=value", in the order received. */
	private static List<String> window(LiveClient client, long channel, Instant from, Instant to) {
		return client.updates(channel)
			.stream()
			.filter((sample) -> !sample.sourceTime().isBefore(from) && !sample.sourceTime().isAfter(to))
			.map((sample) -> sample.sourceTime() + "=" + sample.value())
			.toList();
	}

}
