package io.parx.web.health;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Whether one service is ready, from its own readiness probe
 * ({@code /actuator/health/readiness}, which includes what that service needs, e.g. its
 * database).
 *
 * <p>
 * A result is reused for {@code cacheFor}, and checks asked for while one is under way
 * wait for it, so however often the gateway's health is scraped, each service sees at
 * most one check per period.
 */
final class UpstreamHealthIndicator implements ReactiveHealthIndicator {

	private final Mono<Health> health;

	UpstreamHealthIndicator(WebClient client, URI service, Duration timeout, Duration cacheFor) {
		URI readiness = service.resolve("/actuator/health/readiness");
		this.health = Mono.defer(() -> check(client, readiness, timeout)).cache(cacheFor);
	}

	@Override
	public Mono<Health> health() {
		return this.health;
	}

	private static Mono<Health> check(WebClient client, URI readiness, Duration timeout) {
		return client.get()
			.uri(readiness)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
			.timeout(timeout)
			.map((status) -> (status.is2xxSuccessful() ? Health.up() : Health.down()).withDetail("httpStatus",
					status.value()))
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", describe(ex, timeout))))
			.map((builder) -> builder.withDetail("url", readiness.toString()).build());
	}

	private static String describe(Throwable ex, Duration timeout) {
		if (ex instanceof TimeoutException) {
			return "no answer within " + timeout.toMillis() + " ms";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
