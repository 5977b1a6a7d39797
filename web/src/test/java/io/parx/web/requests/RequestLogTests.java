package io.parx.web.requests;

import java.time.Duration;
import java.util.List;

import io.parx.web.GatewayIntegrationTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway writes one line per request with its correlation id (docs/OPERATIONS.md,
 * "Logs"), and never the query string, which may carry a WebSocket token.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests extends GatewayIntegrationTest {

	@Test
	void aRoutedRequestIsLoggedOnceWithItsIdStatusAndTime(CapturedOutput output) {
		gateway().get()
			.uri("/api/v1/channels?access_token=secret-token-4711")
			.header("X-Correlation-Id", "log-line-1")
			.exchange()
			.expectStatus()
			.isOk();

		// the line is written once the answer has gone out, so it may follow the client's
		// receipt by a moment
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(linesOf(output, "[log-line-1]"))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.contains("io.parx.web.requests")
				.containsPattern("GET /api/v1/channels 200 \\d+ ms$"));
		assertThat(output.getOut()).doesNotContain("secret-token-4711");
	}

	@Test
	void aTimeoutTheGatewayAnswersItselfIsLoggedWithItsStatusAndTime(CapturedOutput output) {
		gateway().get()
			.uri("/api/v1/channels/hang")
			.header("X-Correlation-Id", "log-line-2")
			.exchange()
			.expectStatus()
			.isEqualTo(504);

		// written once the answer has gone out, like every line of the request log
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(linesOf(output, "[log-line-2]"))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.containsPattern("GET /api/v1/channels/hang 504 \\d+ ms$"));
	}

	@Test
	void probesAreNotLoggedAtInfo(CapturedOutput output) {
		gateway().get()
			.uri("/actuator/health/liveness")
			.header("X-Correlation-Id", "log-line-3")
			.exchange()
			.expectStatus()
			.isOk();
		// a request after it, so that the probe's line would have been written by then
		gateway().get().uri("/api/v1/channels").header("X-Correlation-Id", "log-line-4").exchange();
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("[log-line-4]"));

		assertThat(output.getOut()).doesNotContain("log-line-3");
	}

	private static List<String> linesOf(CapturedOutput output, String id) {
		return output.getOut().lines().filter((line) -> line.contains(id)).toList();
	}

}
