package io.parx.collector.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.collector.modbus.TestModbusSlave;
import io.parx.common.security.ScrapeToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class CollectorApiTests extends AbstractIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void statusNeedsAValidToken() throws Exception {
		HttpResponse<String> anonymous = get("/api/v1/collector/status", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(get("/api/v1/collector/status", TOKENS.expiredToken("olga", "OPERATOR")).statusCode())
			.isEqualTo(401);
		assertThat(get("/api/v1/collector/status", TOKENS.wrongKeyToken("olga", "OPERATOR")).statusCode())
			.isEqualTo(401);
	}

	@Test
	void operatorsSeeTheStatusOfPublishingAndEveryEngine() throws Exception {
		HttpResponse<String> response = get("/api/v1/collector/status", TOKENS.token("olga", "OPERATOR"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode status = JSON.readTree(response.body());
		assertThat(status.path("collector").asString()).isEqualTo("default");
		assertThat(status.path("publishing").has("bufferedBatches")).isTrue();
		assertThat(status.path("engines").has("MODBUS_TCP")).isTrue();
		assertThat(status.path("engines").has("SIMULATOR")).isTrue();
	}

	@Test
	void theStatusShowsTheBufferAgeThePollOverrunsAndTheModbusRequestPlan() throws Exception {
		// what the status page draws: an empty buffer has no age, every engine counts its
		// overruns, and the plan is a list (empty without Modbus channels)
		JsonNode status = JSON.readTree(get("/api/v1/collector/status", TOKENS.token("olga", "OPERATOR")).body());
		assertThat(status.path("publishing").has("oldestBufferedAgeMs")).isTrue();
		assertThat(status.path("publishing").path("oldestBufferedAgeMs").isNull()).isTrue();
		JsonNode modbus = status.path("engines").path("MODBUS_TCP");
		assertThat(modbus.path("pollOverruns").isIntegralNumber()).isTrue();
		assertThat(modbus.path("plan").isArray()).isTrue();
		assertThat(status.path("engines").path("SIMULATOR").path("plan").isArray()).isTrue();
	}

	@Test
	void prometheusScrapesBufferAndConnectionMetricsWithTheStaticToken() throws Exception {
		// docs/OPERATIONS.md, "Alerts": the rules there query these names, one series per
		// engine
		HttpResponse<String> response = get("/actuator/prometheus", ScrapeToken.value());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("parx_collector_buffer_depth ", "parx_collector_buffer_age_seconds ",
				"parx_collector_connections_down{protocol=\"MODBUS_TCP\"}",
				"parx_collector_connections{protocol=\"SIMULATOR\"}");
	}

	@Test
	void operatorsMayNotRunAChannelTest() throws Exception {
		HttpResponse<String> response = post("/api/v1/collector/test", TOKENS.token("olga", "OPERATOR"),
				"{\"channel\":" + simulatorChannel() + "}");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/forbidden");
	}

	@Test
	void engineersReadASimulatedChannelOnce() throws Exception {
		HttpResponse<String> response = post("/api/v1/collector/test", TOKENS.token("erin", "ENGINEER"),
				"{\"channel\":" + simulatorChannel() + ",\"timeoutMs\":2000}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = JSON.readTree(response.body());
		assertThat(result.path("quality").asLong()).isZero();
		assertThat(result.path("qualityName").asString()).isEqualTo("Good");
		assertThat(result.path("value").isNumber()).isTrue();
	}

	@Test
	void aModbusChannelTestReadsTheDeviceAndReportsItsExceptionAsQuality() throws Exception {
		try (TestModbusSlave slave = new TestModbusSlave(10, 8)) {
			slave.holding(2, new int[] { 1234 });
			String good = modbusChannel(slave.port(), 2);
			HttpResponse<String> response = post("/api/v1/collector/test", TOKENS.token("erin", "ENGINEER"),
					"{\"channel\":" + good + "}");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).path("value").asDouble()).isEqualTo(1234);

			HttpResponse<String> illegal = post("/api/v1/collector/test", TOKENS.token("erin", "ENGINEER"),
					"{\"channel\":" + modbusChannel(slave.port(), 50) + "}");
			JsonNode result = JSON.readTree(illegal.body());
			assertThat(illegal.statusCode()).isEqualTo(200);
			assertThat(result.path("qualityName").asString()).isEqualTo("Bad_OutOfRange");
			assertThat(result.path("error").asString()).contains("illegal data address");
		}
	}

	@Test
	void anImpossibleChannelConfigurationIsA400NotAFailedReading() throws Exception {
		// port -1 and a file:// URL were answered 200 Bad_ConfigurationError: the
		// caller's
		// mistake, not the device's
		HttpResponse<String> port = post("/api/v1/collector/test", TOKENS.token("erin", "ENGINEER"),
				"{\"channel\":" + modbusChannel(-1, 2) + "}");
		assertThat(port.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(port.body()).path("errors").toString()).contains("channel.settings.port")
			.contains("must be between 1 and 65535");
		HttpResponse<String> file = post("/api/v1/collector/test", TOKENS.token("erin", "ENGINEER"),
				"{\"channel\":{\"name\":\"ua\",\"dataType\":\"FLOAT64\",\"protocol\":\"OPC_UA\","
						+ "\"settings\":{\"endpointUrl\":\"file:///etc/passwd\",\"nodeId\":\"ns=2;s=X\"}}}");
		assertThat(file.statusCode()).isEqualTo(400);
		assertThat(file.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void aChannelWithoutDataTypeIsAValidationProblemNamingTheField() throws Exception {
		HttpResponse<String> response = post("/api/v1/collector/test", TOKENS.token("erin", "ENGINEER"),
				"{\"channel\":{\"name\":\"x\",\"protocol\":\"SIMULATOR\"}}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/validation");
		assertThat(problem.path("errors").toString()).contains("channel.dataType");
	}

	@Test
	void malformedJsonIsABadRequestNotAServerError() throws Exception {
		HttpResponse<String> response = post("/api/v1/collector/test", TOKENS.token("erin", "ENGINEER"),
				"{\"channel\": {\"dataType\": \"QUATERNION\"");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/malformed-request");
	}

	private static String simulatorChannel() {
		return "{\"id\":0,\"name\":\"probe\",\"description\":\"\",\"dataType\":\"FLOAT64\",\"scale\":1,\"offset\":0,"
				+ "\"pollIntervalMs\":1000,\"enabled\":true,\"collector\":null,\"tags\":[],\"protocol\":\"SIMULATOR\","
				+ "\"settings\":{\"waveform\":\"SINE\",\"amplitude\":10,\"periodMs\":1000},\"version\":0,"
				+ "\"createdAt\":\"2026-01-01T00:00:00Z\"}";
	}

	private static String modbusChannel(int port, int address) {
		return "{\"name\":\"mb\",\"dataType\":\"UINT16\",\"protocol\":\"MODBUS_TCP\",\"settings\":{\"host\":\"127.0.0.1\","
				+ "\"port\":" + port + ",\"unitId\":1,\"registerType\":\"HOLDING_REGISTER\",\"address\":" + address
				+ "}}";
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String token, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
