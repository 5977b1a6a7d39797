package io.parx.collector.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.collector.support.NotADeviceServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/collector/test} against hosts that accept the connection but speak
 * no device protocol: the answer comes within {@code timeoutMs} and a small margin, as a
 * test result with the device's error (it took 23-28 s for Modbus with 1 s, and the
 * admin-api, waiting 10 s, blamed the collector).
 */
class ChannelTestTimeoutApiTests extends AbstractIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long TIMEOUT_MS = 1000;

	private static final long MARGIN_MS = 800;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@BeforeEach
	void warmUp() throws Exception {
		// a fresh server's first request (JWKS, validator, first MQTT client) is not the
		// device's time
		post("{\"name\":\"sim\",\"dataType\":\"FLOAT64\",\"protocol\":\"SIMULATOR\","
				+ "\"settings\":{\"waveform\":\"SINE\",\"amplitude\":1,\"periodMs\":1000}}");
		post("{\"name\":\"mq\",\"dataType\":\"FLOAT64\",\"protocol\":\"MQTT\","
				+ "\"settings\":{\"brokerUrl\":\"tcp://127.0.0.1:1\",\"topic\":\"x\",\"payloadFormat\":\"NUMBER\"}}");
	}

	@Test
	void aModbusTestOfAHostThatStaysSilentAnswersWithinItsTimeout() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			JsonNode result = testWithin("{\"name\":\"mb\",\"dataType\":\"UINT16\",\"protocol\":\"MODBUS_TCP\","
					+ "\"settings\":{\"host\":\"127.0.0.1\",\"port\":" + silent.port()
					+ ",\"unitId\":1,\"registerType\":\"HOLDING_REGISTER\",\"address\":0}}");
			assertThat(result.path("qualityName").asString()).isEqualTo("Bad_Timeout");
			assertThat(result.path("error").asString()).contains("no Modbus answer from modbus://127.0.0.1:");
		}
	}

	@Test
	void aModbusTestOfAHostThatAnswersSomethingElseAnswersWithinItsTimeout() throws Exception {
		try (NotADeviceServer garbage = NotADeviceServer.garbage()) {
			JsonNode result = testWithin("{\"name\":\"mb\",\"dataType\":\"UINT16\",\"protocol\":\"MODBUS_TCP\","
					+ "\"settings\":{\"host\":\"127.0.0.1\",\"port\":" + garbage.port()
					+ ",\"unitId\":1,\"registerType\":\"HOLDING_REGISTER\",\"address\":0}}");
			assertThat(result.path("qualityName").asString()).startsWith("Bad_");
			assertThat(result.path("error").asString()).contains("127.0.0.1:" + garbage.port());
		}
	}

	@Test
	void anOpcUaTestOfAHostThatStaysSilentAnswersWithinItsTimeout() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			JsonNode result = testWithin("{\"name\":\"ua\",\"dataType\":\"FLOAT64\",\"protocol\":\"OPCUA\","
					+ "\"settings\":{\"endpointUrl\":\"opc.tcp://127.0.0.1:" + silent.port()
					+ "/plc\",\"nodeId\":\"ns=2;s=X\"}}");
			assertThat(result.path("qualityName").asString()).isEqualTo("Bad_Timeout");
		}
	}

	@Test
	void anMqttTestOfAHostThatStaysSilentAnswersWithinItsTimeout() throws Exception {
		// possibly the JVM's first MQTT client: its start-up is bounded too
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			JsonNode result = testWithin("{\"name\":\"mq\",\"dataType\":\"FLOAT64\",\"protocol\":\"MQTT\","
					+ "\"settings\":{\"brokerUrl\":\"tcp://127.0.0.1:" + silent.port()
					+ "\",\"topic\":\"plant/x\",\"payloadFormat\":\"NUMBER\"}}");
			assertThat(result.path("qualityName").asString()).startsWith("Bad_");
			assertThat(result.path("error").asString()).contains(Long.toString(TIMEOUT_MS) + " ms");
		}
	}

	private JsonNode testWithin(String channel) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = post(channel);
		long tookMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(tookMs).as("answered after %d ms: %s", tookMs, response.body()).isLessThan(TIMEOUT_MS + MARGIN_MS);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> post(String channel) throws Exception {
		return this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/collector/test"))
			.header("Authorization", "Bearer " + TOKENS.token("erin", "ENGINEER"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"channel\":" + channel + ",\"timeoutMs\":" + TIMEOUT_MS + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
