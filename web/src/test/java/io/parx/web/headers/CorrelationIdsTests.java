package io.parx.web.headers;

import io.parx.web.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway gives every request a correlation id the service behind it logs with, and
 * answers with it (docs/OPERATIONS.md, "Logs").
 */
class CorrelationIdsTests extends GatewayIntegrationTest {

	@Test
	void theBrowsersIdReachesTheServiceAndComesBackOnce() {
		EntityExchangeResult<byte[]> result = gateway().get()
			.uri("/api/v1/channels")
			.header(CorrelationIds.HEADER, "req-4711.a")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch(CorrelationIds.HEADER, "req-4711.a")
			.expectBody()
			.jsonPath("$.headers.x-correlation-id")
			.isEqualTo("req-4711.a")
			.returnResult();
		assertThat(result.getResponseHeaders().get(CorrelationIds.HEADER)).hasSize(1);
	}

	@Test
	void aRequestWithoutAnIdGetsANewOneThatTheServiceSeesToo() {
		EntityExchangeResult<byte[]> result = gateway().get()
			.uri("/api/v1/channels")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		String id = result.getResponseHeaders().getFirst(CorrelationIds.HEADER);
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(new String(result.getResponseBodyContent())).contains("\"x-correlation-id\":\"" + id + "\"");
	}

	@Test
	void anIdThatCouldForgeLogLinesIsReplaced() {
		// a line break or 10 KB in the header would end up in every log line of the
		// request
		for (String hostile : new String[] { "a\tb", "x".repeat(65), "<script>" }) {
			String id = gateway().get()
				.uri("/api/v1/channels")
				.header(CorrelationIds.HEADER, hostile)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst(CorrelationIds.HEADER);
			assertThat(id).as(hostile).isNotEqualTo(hostile).matches("[0-9a-f-]{36}");
		}
	}

}
