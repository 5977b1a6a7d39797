package io.parx.storage.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.parx.common.security.ScrapeToken;
import io.parx.storage.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/storage/status behind JWT (issue 5, "Status and metrics"). */
class StatusIntegrationTests extends AbstractIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void statusReportsThroughputStreamStateAndCapabilitiesToAnyRole() throws Exception {
		HttpResponse<String> response = get("/api/v1/storage/status", tokens().token("olivia", "OPERATOR"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"pointsPerSecond\"", "\"streamLag\"", "\"pendingCount\"",
				"\"lastWriteLatencyMs\"", "\"quarantineCount\"", "\"timescale\":true");
	}

	@Test
	void statusWithoutATokenIsUnauthorized() throws Exception {
		assertThat(get("/api/v1/storage/status", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/storage/status", tokens().expiredToken("olivia", "OPERATOR")).statusCode())
			.isEqualTo(401);
	}

	@Test
	void metricsAreExposedForPrometheus() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus", tokens().token("ada", "ADMIN"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("parx_storage_stream_lag", "parx_storage_write_latency");
	}

	@Test
	void prometheusScrapesTheAlertingMetricsWithTheStaticToken() throws Exception {
		// docs/OPERATIONS.md, "Alerts": the rules there query these names
		HttpResponse<String> response = get("/actuator/prometheus", ScrapeToken.value());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("parx_storage_ingest_lag_seconds ", "parx_storage_stream_lag ",
				"parx_storage_stream_pending ", "parx_storage_quarantined_total ");
	}

	@Test
	void healthIsPublic() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
