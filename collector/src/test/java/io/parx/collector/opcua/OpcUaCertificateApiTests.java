package io.parx.collector.opcua;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.parx.collector.AbstractIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class OpcUaCertificateApiTests extends AbstractIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE = "/api/v1/collector/opcua/certificates";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void onlyAdministratorsSeeOrChangeTheTrustList() throws Exception {
		// trusting a certificate decides whom the collector sends passwords to
		for (String role : new String[] { "OPERATOR", "ENGINEER" }) {
			HttpResponse<String> list = send("GET", BASE, TOKENS.token("eve", role));
			HttpResponse<String> trust = send("POST", BASE + "/" + "ab".repeat(20) + "/trust",
					TOKENS.token("eve", role));
			assertThat(list.statusCode()).isEqualTo(403);
			assertThat(trust.statusCode()).isEqualTo(403);
			assertThat(JSON.readTree(trust.body()).path("type").asString()).isEqualTo("/problems/forbidden");
		}
		assertThat(send("GET", BASE, null).statusCode()).isEqualTo(401);
	}

	@Test
	void administratorsSeeTrustedAndRejectedCertificates() throws Exception {
		HttpResponse<String> response = send("GET", BASE, TOKENS.token("ada", "ADMIN"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("trusted").isArray()).isTrue();
		assertThat(body.path("rejected").isArray()).isTrue();
	}

	@Test
	void trustingAnUnknownOrMalformedThumbprintIsAProblemNotAnError() throws Exception {
		HttpResponse<String> unknown = send("POST", BASE + "/" + "ab".repeat(20) + "/trust",
				TOKENS.token("ada", "ADMIN"));
		HttpResponse<String> malformed = send("POST", BASE + "/xyz/trust", TOKENS.token("ada", "ADMIN"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(JSON.readTree(unknown.body()).path("type").asString()).isEqualTo("/problems/not-found");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformed.body()).path("type").asString()).isEqualTo("/problems/validation");
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
