package io.parx.analytics.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.MediaType;

import io.parx.analytics.AbstractIntegrationTest;
import io.parx.analytics.HistoryFixture;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.db.test.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP API end to end: security, errors, queries, derived signals, latest, batches.
 */
class AnalyticsApiTests extends AbstractIntegrationTest {

	@Autowired
	RedisConnectionFactory redis;

	private static String json(String text) {
		return text.replace('\'', '"');
	}

	private String minuteQuery() {
		return json("{'channelIds':[" + fixture().tempId
				+ "],'from':'2026-03-28T01:00:00Z','to':'2026-03-28T01:10:00Z','interval':'1m','aggregates':['avg','count']}");
	}

	@Test
	void everyApiNeedsAValidToken() throws Exception {
		this.mvc.perform(post("/api/v1/analytics/query").contentType(MediaType.APPLICATION_JSON).content(minuteQuery()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(jsonPath("$.type").value("/problems/unauthorized"));
		this.mvc
			.perform(post("/api/v1/analytics/query").contentType(MediaType.APPLICATION_JSON)
				.content(minuteQuery())
				.header("Authorization", "Bearer " + TOKENS.expiredToken("op", "OPERATOR")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void theOpenApiDocumentIsPublicAndListsEveryEndpoint() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(document).contains("/api/v1/analytics/query", "/api/v1/analytics/channels/{id}/latest",
				"/api/v1/analytics/channels/{id}/stats", "/api/v1/analytics/derived/evaluate",
				"/api/v1/analytics/derived/signals", "/api/v1/analytics/derived/signals/{id}",
				"/api/v1/analytics/batches", "/api/v1/analytics/batches/{id}", "/api/v1/analytics/batches/{id}/data",
				"/api/v1/analytics/export");
	}

	@Test
	void anOperatorQueriesMinuteAggregates() throws Exception {
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(minuteQuery()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.series[0].name").value("Furnace Temp"))
			.andExpect(jsonPath("$.series[0].source").value("rollup_1m"))
			.andExpect(jsonPath("$.series[0].points.length()").value(10))
			.andExpect(jsonPath("$.series[0].points[0].time").value("2026-03-28T01:00:00Z"))
			.andExpect(jsonPath("$.series[0].points[0].count").value(6))
			.andExpect(jsonPath("$.series[0].points[0].min").doesNotExist());
	}

	@Test
	void badQueryFieldsAre400WithFieldErrorsAndTooLargeIs413WithAHint() throws Exception {
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(minuteQuery().replace("\"1m\"", "\"5x\"")))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.errors[0].field").value("interval"));
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{not json"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'channelIds':[" + fixture().tempId
						+ "],'from':'2026-01-01T00:00:00Z','to':'2026-03-01T00:00:00Z'}")))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("/problems/too-large"))
			.andExpect(jsonPath("$.hint").exists());
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(minuteQuery().replace("[" + fixture().tempId + "]", "[987654]")))
			.andExpect(status().isNotFound());
	}

	@Test
	void formulaErrorsAndSandboxEscapesAre400WithThePositionWithinMilliseconds() throws Exception {
		String[] formulas = { "T(java.lang.Runtime).getRuntime().exec('id')", "x + 9^9^9^9^9",
				"1+".repeat(50_000) + "1", "(".repeat(4_000) + "1" + ")".repeat(4_000), "Pressure + " };
		int[] positions = { 0, 8, 10_000, 64, 11 };
		for (int i = 0; i < formulas.length; i++) {
			String body = "{\"formula\":\"" + formulas[i].replace("\"", "\\\"")
					+ "\",\"from\":\"2026-03-28T01:00:00Z\",\"to\":\"2026-03-28T01:10:00Z\"}";
			int position = positions[i];
			assertTimeoutPreemptively(Duration.ofSeconds(2),
					() -> this.mvc
						.perform(post("/api/v1/analytics/derived/evaluate").with(as("OPERATOR"))
							.contentType(MediaType.APPLICATION_JSON)
							.content(body))
						.andExpect(status().isBadRequest())
						.andExpect(jsonPath("$.type").value("/problems/formula-syntax"))
						.andExpect(jsonPath("$.position").value(position))
						.andExpect(jsonPath("$.errors[0].field").value("formula")));
		}
	}

	@Test
	void anAdHocFormulaIsEvaluatedOnTheRequestedGrid() throws Exception {
		this.mvc
			.perform(post("/api/v1/analytics/derived/evaluate").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'formula':'[Furnace Temp] * 2','from':'2026-03-28T00:00:00Z',"
						+ "'to':'2026-03-28T00:01:00Z','step':'20s'}")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.points.length()").value(3))
			.andExpect(jsonPath("$.points[1].time").value("2026-03-28T00:00:20Z"))
			.andExpect(jsonPath("$.points[1].value").value(fixture().temp.get(2).value() * 2))
			.andExpect(jsonPath("$.channelIds[0]").value(fixture().tempId));
	}

	@Test
	void engineersSaveDerivedSignalsThatOperatorsQueryButCannotChange() throws Exception {
		String body = json("{'name':'Temp F " + Instant.now().toEpochMilli()
				+ "','formula':'[Furnace Temp] * 1.8 + 32','unit':'°F'}");
		this.mvc
			.perform(post("/api/v1/analytics/derived/signals").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("/problems/forbidden"));
		String created = this.mvc
			.perform(post("/api/v1/analytics/derived/signals").with(as("ENGINEER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.createdBy").value("engineer-user"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		this.mvc.perform(get("/api/v1/analytics/derived/signals").with(as("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").isNumber());
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'derivedSignalIds':[" + id
						+ "],'from':'2026-03-28T00:00:00Z','to':'2026-03-28T00:02:00Z','interval':'1m'}")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.series[0].kind").value("derived"))
			.andExpect(jsonPath("$.series[0].points[0].value").value(fixture().temp.get(0).value() * 1.8 + 32));
		this.mvc
			.perform(post("/api/v1/analytics/derived/signals").with(as("ENGINEER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'name':'broken','formula':'abs('}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.position").value(4));
		this.mvc.perform(delete("/api/v1/analytics/derived/signals/" + id).with(as("OPERATOR")))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/analytics/derived/signals/" + id).with(as("ADMIN")))
			.andExpect(status().isNoContent());
		this.mvc.perform(delete("/api/v1/analytics/derived/signals/" + id).with(as("ADMIN")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theLatestValueComesFromTheRedisHash() throws Exception {
		long channelId = 424_242;
		Sample sample = Sample.of(channelId, Instant.parse("2026-11-27T10:00:00.123456Z"), 17.25);
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.hashCommands()
				.hSet(new RedisKeys(TestServices.redisPrefix()).latest().getBytes(StandardCharsets.UTF_8),
						Long.toString(channelId).getBytes(StandardCharsets.UTF_8), SampleBatchCodec.encode(sample));
		}
		this.mvc.perform(get("/api/v1/analytics/channels/" + channelId + "/latest").with(as("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(17.25))
			.andExpect(jsonPath("$.time").value("2026-11-27T10:00:00.123456Z"))
			.andExpect(jsonPath("$.quality").value(0));
		this.mvc.perform(get("/api/v1/analytics/channels/424243/latest").with(as("OPERATOR")))
			.andExpect(status().isNotFound());
	}

	@Test
	void statisticsAreServedForARange() throws Exception {
		this.mvc
			.perform(get("/api/v1/analytics/channels/" + fixture().counterId + "/stats").with(as("OPERATOR"))
				.param("from", "2026-03-28T00:00:00Z")
				.param("to", "2026-03-28T05:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(5))
			.andExpect(jsonPath("$.avg").value(2.0))
			.andExpect(jsonPath("$.max").value(4.0))
			.andExpect(jsonPath("$.maxTime").value("2026-03-28T04:00:00Z"))
			.andExpect(jsonPath("$.p50").value(2.0));
		this.mvc.perform(get("/api/v1/analytics/channels/" + fixture().counterId + "/stats").with(as("OPERATOR")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void batchesAreListedFilteredAndTheirDataOverlaidOnRelativeTime() throws Exception {
		this.mvc.perform(get("/api/v1/analytics/batches").with(as("OPERATOR")).param("search", "coil"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content[0].name").value("COIL-1002"));
		this.mvc.perform(get("/api/v1/analytics/batches").with(as("OPERATOR")).param("definitionId", "2"))
			.andExpect(jsonPath("$.content[0].name").value("SLAB-7"))
			.andExpect(jsonPath("$.content[0].end").doesNotExist());
		String list = this.mvc.perform(get("/api/v1/analytics/batches").with(as("OPERATOR")).param("search", "1001"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(list.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		this.mvc
			.perform(get("/api/v1/analytics/batches/" + id + "/data").with(as("OPERATOR"))
				.param("channelIds", Long.toString(fixture().tempId))
				.param("relative", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.series[0].points.length()").value(61))
			.andExpect(jsonPath("$.series[0].points[0].offset").value(0.0))
			.andExpect(jsonPath("$.series[0].points[60].offset").value(600.0))
			.andExpect(jsonPath("$.series[0].points[0].time").doesNotExist());
		this.mvc.perform(get("/api/v1/analytics/batches/999999").with(as("OPERATOR"))).andExpect(status().isNotFound());
		assertThat(HistoryFixture.START).isBefore(HistoryFixture.END);
	}

}
