package io.parx.collector.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.common.web.HostileInputSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the collector's OpenAPI document, every parameter and body field,
 * with hostile values (issue #17): no 5xx, errors as small problem+json, fast.
 */
class HostileInputTests extends AbstractIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void everyOperationAnswersHostileInputWithASmallProblemAndNeverA5xx() throws Exception {
		URI base = URI.create("http://localhost:" + this.port);
		String document;
		try (HttpClient client = HttpClient.newHttpClient()) {
			document = client
				.send(HttpRequest.newBuilder(base.resolve("/v3/api-docs")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		int requests = HostileInputSuite.against(base, document)
			.header("Authorization", "Bearer " + TOKENS.token("hostile", "ADMIN"))
			.run();
		assertThat(requests).isGreaterThan(50);
		System.out.println("collector hostile-input requests: " + requests);
	}

}
