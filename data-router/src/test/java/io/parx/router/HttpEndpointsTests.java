package io.parx.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.parx.common.security.ScrapeToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The router's few HTTP endpoints and who may reach them. */
class HttpEndpointsTests extends AbstractIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theReferenceClientAndHealthArePublic() throws Exception {
		HttpResponse<String> client = get("/parx-live.js", null);
		assertThat(client.statusCode()).isEqualTo(200);
		assertThat(client.body()).contains("class ParxLive");
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		// Readiness covers the config database and Redis (docs/CONTRACTS.md, "Services
		// and
		// ports").
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void metricsNeedTheAdminRole() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", TOKENS.token("olivia", "OPERATOR")).statusCode()).isEqualTo(403);
		HttpResponse<String> metrics = get("/actuator/prometheus", TOKENS.token("ada", "ADMIN"));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("parx_router_sessions", "parx_router_samples_coalesced_total",
				"parx_router_send_latency_seconds");
	}

	@Test
	void prometheusScrapesTheWebSocketSessionsWithTheStaticToken() throws Exception {
		// docs/OPERATIONS.md, "Alerts": the rules there query these names
		HttpResponse<String> metrics = get("/actuator/prometheus", ScrapeToken.value());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("parx_router_sessions ", "parx_router_samples_dropped_total ");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
