package io.parx.storage.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.parx.common.web.HostileInputSuite;
import io.parx.storage.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the storage engine's OpenAPI document with hostile values, and the
 * service-wide probes (issue #17): no 5xx, errors as small problem+json, fast.
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
			.header("Authorization", "Bearer " + tokens().token("hostile", "ADMIN"))
			.run();
		assertThat(requests).isGreaterThan(5);
		System.out.println("storage-engine hostile-input requests: " + requests);
	}

}
