package io.parx.admin.alarms;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parx.admin.channels.ChannelFixtures;
import io.parx.admin.events.ConfigEventRecorder;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;
import io.parx.common.config.ConfigChanged;
import io.parx.common.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.parx.admin.channels.ChannelFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/v1/alarms/definitions} against a real config database and Redis. */
class AlarmDefinitionApiTests extends AbstractIntegrationTest {

	private static int counter;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RedisConnectionFactory redis;

	private ConfigEventRecorder recorder;

	private long furnace;

	private String suffix;

	@BeforeEach
	void channel() throws Exception {
		this.recorder = ConfigEventRecorder.subscribe(this.redis);
		this.suffix = "." + (++counter);
		this.furnace = create("/api/v1/io/channels", ChannelFixtures.simulator("alarms.furnace" + this.suffix));
	}

	@AfterEach
	void unsubscribe() throws Exception {
		this.recorder.close();
	}

	@Test
	void theIssuesHiAlarmIsCreatedReadByAnOperatorReplacedAndDeletedWithEventsAndAudit() throws Exception {
		long id = create("/api/v1/alarms/definitions", map("name", "Furnace hot", "channelId", this.furnace, "type",
				"HI", "limit", 870, "deadband", 2, "priority", "HIGH"));
		this.mvc.perform(get("/api/v1/alarms/definitions/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.type").value("HI"))
			.andExpect(jsonPath("$.limit").value(870.0))
			.andExpect(jsonPath("$.deadband").value(2.0))
			.andExpect(jsonPath("$.alarmValue").isEmpty())
			.andExpect(jsonPath("$.priority").value("HIGH"))
			.andExpect(jsonPath("$.message").value("{channel}: {value} {unit}"))
			.andExpect(jsonPath("$.enabled").value(true));
		Map<String, Object> replaced = map("name", "Furnace very hot", "channelId", this.furnace, "type", "HIHI",
				"limit", 900, "onDelayMs", 5000, "priority", 4, "message", "{channel} at {value} {unit}");
		this.mvc
			.perform(json(put("/api/v1/alarms/definitions/" + id), replaced).header("If-Match", "\"0\"")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.priority").value("CRITICAL"))
			.andExpect(jsonPath("$.onDelayMs").value(5000));
		// a second edit of version 0 is stale
		this.mvc
			.perform(json(put("/api/v1/alarms/definitions/" + id), replaced).header("If-Match", "\"0\"")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/version-conflict"));
		this.mvc.perform(json(put("/api/v1/alarms/definitions/" + id), replaced).with(as(Role.ENGINEER)))
			.andExpect(status().isPreconditionRequired());
		this.mvc.perform(delete("/api/v1/alarms/definitions/" + id).with(as(Role.ADMIN)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/alarms/definitions/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isNotFound());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.recorder.received()).contains(
					new ConfigChanged(Entity.ALARM_DEFINITION, id, Op.CREATED, 0),
					new ConfigChanged(Entity.ALARM_DEFINITION, id, Op.UPDATED, 1),
					new ConfigChanged(Entity.ALARM_DEFINITION, id, Op.DELETED, 1)));
		assertThat(this.jdbc
			.sql("select action from audit_event where entity_type = 'alarm-definition' and entity_id = ? "
					+ "order by id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("CREATE", "UPDATE", "DELETE");
	}

	@Test
	void anOperatorMayNotChangeDefinitions() throws Exception {
		this.mvc
			.perform(json(post("/api/v1/alarms/definitions"),
					map("name", "x", "channelId", this.furnace, "type", "BAD_QUALITY"))
				.with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/alarms/definitions").with(as(Role.OPERATOR))).andExpect(status().isOk());
	}

	@Test
	void everyBadFieldIsNamedInOneProblem() throws Exception {
		this.mvc
			.perform(json(post("/api/v1/alarms/definitions"),
					map("channelId", this.furnace, "type", "HI", "deadband", -1, "priority", "URGENT", "onDelayMs",
							"soon", "message", "{channel} at {temp}", "color", "red"))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("name", "limit", "deadband", "priority", "onDelayMs", "message", "color")));
	}

	@Test
	void aLimitAlarmNeedsAnExistingNumericChannel() throws Exception {
		this.mvc
			.perform(json(post("/api/v1/alarms/definitions"),
					map("name", "ghost", "channelId", 987654321, "type", "HI", "limit", 1))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channelId"));
		Map<String, Object> bool = ChannelFixtures.simulator("alarms.running" + this.suffix);
		bool.put("dataType", "BOOL");
		bool.put("settings", map("waveform", "SQUARE", "amplitude", 1.0, "periodMs", 60000, "offset", 0.0));
		long running = create("/api/v1/io/channels", bool);
		this.mvc
			.perform(json(post("/api/v1/alarms/definitions"),
					map("name", "running hot", "channelId", running, "type", "HI", "limit", 1))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("BOOL")));
		create("/api/v1/alarms/definitions",
				map("name", "running", "channelId", running, "type", "DISCRETE", "alarmValue", true));
	}

	@Test
	void bulkCreationMakesOneDefinitionPerTaggedChannel() throws Exception {
		String tag = "alarms-bulk" + this.suffix;
		Map<String, Object> a = ChannelFixtures.simulator("alarms.bulk.a" + this.suffix);
		a.put("tags", List.of(tag));
		Map<String, Object> b = ChannelFixtures.simulator("alarms.bulk.b" + this.suffix);
		b.put("tags", List.of(tag, "other"));
		create("/api/v1/io/channels", a);
		create("/api/v1/io/channels", b);
		this.mvc
			.perform(json(post("/api/v1/alarms/definitions/bulk"),
					map("tag", tag, "definition",
							map("name", "{channel} quality", "type", "BAD_QUALITY", "onDelayMs", 10000)))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.created[*].name", containsInAnyOrder("alarms.bulk.a" + this.suffix + " quality",
					"alarms.bulk.b" + this.suffix + " quality")));
		this.mvc
			.perform(json(post("/api/v1/alarms/definitions/bulk"),
					map("tag", tag, "definition", map("name", "{channel}", "type", "LOLO")))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("definition.limit"));
		this.mvc
			.perform(json(post("/api/v1/alarms/definitions/bulk"),
					map("tag", "no-such-tag" + this.suffix, "definition", map("name", "x", "type", "BAD_QUALITY")))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tag"));
	}

	@Test
	void deletingTheChannelDeletesItsAlarms() throws Exception {
		long id = create("/api/v1/alarms/definitions",
				map("name", "gone", "channelId", this.furnace, "type", "BAD_QUALITY"));
		this.mvc.perform(delete("/api/v1/io/channels/" + this.furnace).with(as(Role.ENGINEER)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/alarms/definitions/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isNotFound());
	}

	private long create(String path, Map<String, Object> body) throws Exception {
		String response = this.mvc.perform(json(post(path), body).with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("id").asLong();
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
	}

}
