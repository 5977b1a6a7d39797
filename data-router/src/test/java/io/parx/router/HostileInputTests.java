package io.parx.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.parx.common.web.HostileInputSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router's HTTP side with hostile input (issue #17): every operation its OpenAPI
 * document lists and the service-wide probes; no 5xx, errors as small problem+json.
 */
class HostileInputTests extends AbstractIntegrationTest {

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
		assertThat(requests).isGreaterThanOrEqualTo(6);
		System.out.println("data-router hostile-input requests: " + requests);
	}

}
