package io.parx.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router has no REST controllers, so its OpenAPI document once had no paths at all
 * and the generic title "OpenAPI definition": it must describe the handshake and the
 * reference client, with a way to pass the token in Swagger UI.
 */
class OpenApiDocumentTests extends AbstractIntegrationTest {

	@Test
	void documentDescribesTheWebSocketHandshakeAndTheReferenceClient() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = JsonMapper.builder().build().readTree(response.body());
		assertThat(document.path("info").path("title").asString()).isEqualTo("ParX data-router");
		assertThat(document.path("info").path("version").asString()).isEqualTo("v1");
		JsonNode handshake = document.path("paths").path("/ws").path("get");
		assertThat(handshake.path("responses").propertyNames()).contains("101", "401", "403");
		assertThat(handshake.path("parameters").valueStream().map((p) -> p.path("name").asString()))
			.contains("access_token", "Sec-WebSocket-Protocol");
		assertThat(document.path("paths")
			.path("/parx-live.js")
			.path("get")
			.path("responses")
			.path("200")
			.path("content")
			.has("text/javascript")).isTrue();
		assertThat(document.path("components").path("securitySchemes").path("access_token").path("in").asString())
			.isEqualTo("query");
	}

}
