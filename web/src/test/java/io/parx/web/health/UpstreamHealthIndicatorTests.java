package io.parx.web.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One service's readiness as the gateway sees it, against a real HTTP server standing in
 * for the service's {@code /actuator/health/readiness}.
 */
class UpstreamHealthIndicatorTests {

	private final AtomicInteger checks = new AtomicInteger();

	private volatile int status = 200;

	private HttpServer service;

	@BeforeEach
	void startService() throws IOException {
		this.service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.service.createContext("/actuator/health/readiness", (exchange) -> {
			this.checks.incrementAndGet();
			byte[] body = "{}".getBytes();
			exchange.sendResponseHeaders(this.status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.service.start();
	}

	@AfterEach
	void stopService() {
		this.service.stop(0);
	}

	@Test
	void aReadyServiceIsUpAndAnUnreadyOneDown() {
		assertThat(indicator(Duration.ZERO).health().block().getStatus()).isEqualTo(Status.UP);
		this.status = 503;
		assertThat(indicator(Duration.ZERO).health().block().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aServiceThatIsDownIsReportedWithinTheTimeout() {
		this.service.stop(0);
		long started = System.nanoTime();
		Health health = indicator(Duration.ZERO).health().block();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aBurstOfHealthScrapesChecksTheServiceOnce() {
		// Monitoring, a load balancer and docker all scrape the gateway; the services
		// must not see one check per scrape.
		UpstreamHealthIndicator indicator = indicator(Duration.ofMinutes(1));
		Flux.range(0, 50).flatMap((i) -> indicator.health()).blockLast();
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void aCachedResultIsCheckedAgainOnceItIsOlderThanTheCachePeriod() {
		UpstreamHealthIndicator indicator = indicator(Duration.ofMillis(200));
		assertThat(indicator.health().block().getStatus()).isEqualTo(Status.UP);
		this.status = 503;
		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(indicator.health().block().getStatus()).isEqualTo(Status.DOWN));
	}

	private UpstreamHealthIndicator indicator(Duration cacheFor) {
		URI url = URI.create("http://127.0.0.1:" + this.service.getAddress().getPort());
		return new UpstreamHealthIndicator(WebClient.create(), url, Duration.ofSeconds(1), cacheFor);
	}

}
