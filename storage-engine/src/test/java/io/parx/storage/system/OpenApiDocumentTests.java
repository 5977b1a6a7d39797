package io.parx.storage.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.parx.storage.AbstractIntegrationTest;
import io.parx.common.openapi.OpenApiSnapshot;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage engine's OpenAPI document is what the browser app generates its status
 * types from (web/frontend/openapi/storage-engine.json): a change of the API must show up
 * there, in the same commit.
 */
class OpenApiDocumentTests extends AbstractIntegrationTest {

	static final Path SNAPSHOT = Path.of("../web/frontend/openapi/storage-engine.json");

	@LocalServerPort
	int port;

	@Test
	void servedDocumentIsTheWebAppSnapshot() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		OpenApiSnapshot.check(response.body(), SNAPSHOT, "storage-engine");
	}

}
