package io.parx.web.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.parx.web.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's probes: ready only while the admin-api is (nobody can sign in without
 * it), alive whatever the services do (restarting the gateway would not bring them back).
 */
class HealthTests extends GatewayIntegrationTest {

	@Test
	void theGatewayIsReadyWhileTheAdminApiIsAndNotWhileItIsDown() {
		readiness().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
		ADMIN_API.stop();
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> readiness().expectStatus()
					.isEqualTo(503)
					.expectBody()
					.jsonPath("$.status")
					.isEqualTo("DOWN")
					.jsonPath("$.components.upstreams.components.admin-api.status")
					.isEqualTo("DOWN"));
			gateway().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		}
		finally {
			ADMIN_API.start();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> readiness().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP"));
	}

	@Test
	void anotherServiceDownLeavesTheGatewayReadyAndShowsInItsHealth() {
		STORAGE_ENGINE.stop();
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> gateway().get()
					.uri("/actuator/health")
					.exchange()
					.expectBody()
					.jsonPath("$.components.upstreams.components.storage-engine.status")
					.isEqualTo("DOWN"));
			readiness().expectStatus().isOk();
		}
		finally {
			STORAGE_ENGINE.start();
		}
	}

	@Test
	void healthShowsNoDetailsToAnonymousCallers() {
		// Details would name internal addresses; the gateway has no admin token to check.
		gateway().get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.jsonPath("$.components.upstreams.components.admin-api.details")
			.doesNotExist();
	}

	@Test
	void prometheusMetricsAreExposed() {
		gateway().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
	}

	private WebTestClient.ResponseSpec readiness() {
		return gateway().get().uri("/actuator/health/readiness").exchange();
	}

}
