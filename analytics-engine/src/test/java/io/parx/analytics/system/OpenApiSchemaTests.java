package io.parx.analytics.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.parx.analytics.AbstractIntegrationTest;
import io.parx.common.openapi.OpenApiContract;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.db.test.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real answers of the analytics engine against its OpenAPI document, from which the
 * browser app generates its types: every operation is called at least once with success,
 * and errors of every kind are checked too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiSchemaTests extends AbstractIntegrationTest {

	private static final String RANGE = "'from':'2026-03-28T01:00:00Z','to':'2026-03-28T01:10:00Z'";

	private static OpenApiContract contract;

	@Autowired
	JsonMapper json;

	@Autowired
	RedisConnectionFactory redis;

	@Test
	@Order(1)
	void historyAnswersAsDocumented() throws Exception {
		long temp = fixture().tempId;
		call(200, query("{'channelIds':[" + temp + "]," + RANGE + ",'interval':'1m','aggregates':['avg','count',"
				+ "'stddev','goodShare'],'gapFill':'previous'}"));
		call(200, query("{'channelIds':[" + temp + "," + fixture().counterId + "]," + RANGE + "}"));
		call(200, query("{'channelIds':[" + temp + "]," + RANGE + ",'downsample':'lttb','maxPoints':10}"));
		call(400, query("{'channelIds':[" + temp + "]," + RANGE + ",'interval':'5x'}"));
		call(200, chart("{'channelIds':[" + temp + "," + fixture().counterId + "]," + RANGE + ",'maxPoints':10}"));
		call(400, chart("{'channelIds':[" + temp + "]," + RANGE + ",'maxPoints':10,'downsample':'none'}"));
		call(404, chart("{'channelIds':[987654]," + RANGE + ",'maxPoints':10}"));
		call(413, chart("{'channelIds':[" + temp + "],'from':'2026-01-01T00:00:00Z','to':'2027-03-01T00:00:00Z',"
				+ "'maxPoints':10}"));
		call(400,
				post("/api/v1/analytics/query").with(as("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{not json"));
		call(404, query("{'channelIds':[987654]," + RANGE + "}"));
		call(413, query("{'channelIds':[" + temp + "],'from':'2026-01-01T00:00:00Z','to':'2026-03-01T00:00:00Z'}"));
		call(401, post("/api/v1/analytics/query").contentType(MediaType.APPLICATION_JSON).content("{}"));

		String stats = "/api/v1/analytics/channels/" + temp + "/stats";
		call(200,
				get(stats).with(as("OPERATOR"))
					.param("from", "2026-03-28T00:00:00Z")
					.param("to", "2026-03-28T05:00:00Z"));
		call(200,
				get(stats).with(as("OPERATOR"))
					.param("from", "2020-03-28T00:00:00Z")
					.param("to", "2020-03-29T00:00:00Z"));
		call(400, get(stats).with(as("OPERATOR")));
		call(404,
				get("/api/v1/analytics/channels/987654/stats").with(as("OPERATOR"))
					.param("from", "2026-03-28T00:00:00Z")
					.param("to", "2026-03-28T05:00:00Z"));
		call(413,
				get(stats).with(as("OPERATOR"))
					.param("from", "2020-03-28T00:00:00Z")
					.param("to", "2026-03-28T05:00:00Z"));

		long channelId = 525_252;
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.hashCommands()
				.hSet(new RedisKeys(TestServices.redisPrefix()).latest().getBytes(StandardCharsets.UTF_8),
						Long.toString(channelId).getBytes(StandardCharsets.UTF_8),
						SampleBatchCodec.encode(Sample.failed(channelId, Instant.now(), Quality.BAD)));
		}
		call(200, get("/api/v1/analytics/channels/" + channelId + "/latest").with(as("OPERATOR")));
		call(404, get("/api/v1/analytics/channels/525253/latest").with(as("OPERATOR")));
	}

	@Test
	@Order(2)
	void derivedSignalsAnswerAsDocumented() throws Exception {
		call(200,
				post("/api/v1/analytics/derived/evaluate").with(as("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(json("{'formula':'[Furnace Temp] * 2'," + RANGE + ",'step':'PT1M'}")));
		call(400,
				post("/api/v1/analytics/derived/evaluate").with(as("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(json("{'formula':'abs('," + RANGE + "}")));
		call(413,
				post("/api/v1/analytics/derived/evaluate").with(as("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(json("{'formula':'[Furnace Temp] * 2'," + RANGE + ",'step':'1s','maxPoints':5}")));
		String signal = json("{'name':'schema signal','formula':'[Furnace Temp] * 1.8 + 32','unit':'°F'}");
		call(403,
				post("/api/v1/analytics/derived/signals").with(as("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(signal));
		JsonNode created = call(201,
				post("/api/v1/analytics/derived/signals").with(as("ENGINEER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(signal));
		call(409,
				post("/api/v1/analytics/derived/signals").with(as("ENGINEER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(signal));
		call(400,
				post("/api/v1/analytics/derived/signals").with(as("ENGINEER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(json("{'name':'','formula':'1'}")));
		String path = "/api/v1/analytics/derived/signals/" + created.get("id").asLong();
		call(200, get("/api/v1/analytics/derived/signals").with(as("OPERATOR")));
		call(400, get("/api/v1/analytics/derived/signals?size=0").with(as("OPERATOR")));
		call(200, get(path).with(as("OPERATOR")));
		call(200, query("{'derivedSignalIds':[" + created.get("id").asLong() + "]," + RANGE + ",'interval':'1m'}"));
		call(403, delete(path).with(as("OPERATOR")));
		call(204, delete(path).with(as("ENGINEER")));
		call(404, get(path).with(as("OPERATOR")));
		call(404, delete(path).with(as("ENGINEER")));
	}

	@Test
	@Order(3)
	void batchesAndExportsAnswerAsDocumented() throws Exception {
		JsonNode batches = call(200, get("/api/v1/analytics/batches").with(as("OPERATOR")));
		call(400, get("/api/v1/analytics/batches?page=-1").with(as("OPERATOR")));
		long open = -1;
		long id = -1;
		for (JsonNode batch : batches.get("content")) {
			if (batch.get("end").isNull()) {
				open = batch.get("id").asLong();
			}
			else {
				id = batch.get("id").asLong();
			}
		}
		call(200, get("/api/v1/analytics/batches/" + open).with(as("OPERATOR")));
		call(200, get("/api/v1/analytics/batches/" + id).with(as("OPERATOR")));
		call(404, get("/api/v1/analytics/batches/999999").with(as("OPERATOR")));
		String data = "/api/v1/analytics/batches/" + id + "/data";
		call(200, get(data).with(as("OPERATOR")).param("channelIds", Long.toString(fixture().tempId)));
		call(200,
				get(data).with(as("OPERATOR"))
					.param("channelIds", Long.toString(fixture().tempId))
					.param("relative", "true"));
		call(400,
				get(data).with(as("OPERATOR"))
					.param("channelIds", Long.toString(fixture().tempId))
					.param("maxPoints", "0"));
		call(404, get(data).with(as("OPERATOR")).param("channelIds", "987654"));

		long temp = fixture().tempId;
		call(200, export("{'format':'json','query':{'channelIds':[" + temp + "]," + RANGE + "}}"));
		call(200, export("{'format':'json','query':{'channelIds':[" + temp + "]," + RANGE + ",'interval':'1m'}}"));
		call(200, export("{'format':'csv','batchId':" + id + ",'channelIds':[" + temp + "]}"));
		call(200, export("{'format':'xlsx','query':{'channelIds':[" + temp + "]," + RANGE + "}}"));
		call(400, export("{'format':'pdf','query':{'channelIds':[" + temp + "]," + RANGE + "}}"));
		call(404, export("{'batchId':999999,'channelIds':[" + temp + "]}"));
		call(413, export("{'query':{'channelIds':[" + temp + "],'from':'2026-01-01T00:00:00Z',"
				+ "'to':'2026-03-01T00:00:00Z'}}"));
		String journal = "/api/v1/analytics/export/alarm-journal";
		call(200, get(journal).param("format", "json").with(as("OPERATOR")));
		call(200, get(journal).param("format", "csv").param("priority", "HIGH").with(as("OPERATOR")));
		call(400, get(journal).param("state", "ON_FIRE").with(as("OPERATOR")));
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void everyOperationWasCalledWithSuccess() throws Exception {
		assertThat(contract().unchecked()).isEmpty();
	}

	private static String json(String text) {
		return text.replace('\'', '"');
	}

	private static MockHttpServletRequestBuilder query(String body) {
		return post("/api/v1/analytics/query").with(as("OPERATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body));
	}

	private static MockHttpServletRequestBuilder chart(String body) {
		return post("/api/v1/analytics/chart").with(as("OPERATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body));
	}

	private static MockHttpServletRequestBuilder export(String body) {
		return post("/api/v1/analytics/export").with(as("OPERATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body));
	}

	/**
	 * Performs the request (streamed answers to their end), expects the status and holds
	 * the answer against the document.
	 */
	private JsonNode call(int expectedStatus, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		MockHttpServletResponse response = result.getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus())
			.as(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " answered " + body)
			.isEqualTo(expectedStatus);
		contract().check(result.getRequest().getMethod(), result.getRequest().getRequestURI(), response.getStatus(),
				response.getContentType(), body);
		return (body.isEmpty() || !response.getContentType().contains("json")) ? null : this.json.readTree(body);
	}

	private OpenApiContract contract() throws Exception {
		if (contract == null) {
			contract = OpenApiContract
				.of(this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		}
		return contract;
	}

}
