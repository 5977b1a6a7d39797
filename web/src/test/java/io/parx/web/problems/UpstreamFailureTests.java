package io.parx.web.problems;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.parx.web.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down or too slow is answered quickly with an RFC 9457 problem that
 * names it, so the app can show "the collector cannot be reached" instead of a spinner or
 * a blank page.
 */
class UpstreamFailureTests extends GatewayIntegrationTest {

	@Test
	void aServiceThatIsDownIsAnswered503AtOnce() {
		COLLECTOR.stop();
		try {
			long started = System.nanoTime();
			gateway().get()
				.uri("/api/v1/collector/status?verbose=true")
				.header("Accept", "text/html")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.json("""
						{"type":"/problems/upstream-unavailable","title":"Service unavailable","status":503,
						 "detail":"collector cannot be reached","instance":"/api/v1/collector/status"}""", true);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}
		finally {
			COLLECTOR.start();
		}
	}

	@Test
	void aServiceThatDoesNotAnswerInTimeIsAnswered504AfterTheResponseTimeout() {
		long started = System.nanoTime();
		gateway().post()
			.uri("/api/v1/analytics/exports/hang")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json("""
					{"type":"/problems/upstream-timeout","title":"Gateway timeout","status":504,
					 "detail":"analytics-engine did not answer in time","instance":"/api/v1/analytics/exports/hang"}""",
					true);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(RESPONSE_TIMEOUT,
				RESPONSE_TIMEOUT.plusSeconds(2));
	}

	@Test
	void errorsAreProblemsNeverHtmlPagesEvenForABrowser() {
		gateway().get()
			.uri("/actuator/nothing")
			.header("Accept", "text/html")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found")
			.jsonPath("$.trace")
			.doesNotExist();
	}

}
