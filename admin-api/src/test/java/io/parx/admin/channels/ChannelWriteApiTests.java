package io.parx.admin.channels;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.sample.Quality;
import io.parx.common.security.Role;

import static io.parx.admin.channels.ChannelFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/io/channels/{id}/write}: what the admin-api refuses before the
 * collector is asked, the role matrix, the forwarding to the collector (stub) and the
 * audit entry of every write sent.
 */
class ChannelWriteApiTests extends AbstractIntegrationTest {

	private static final String GOOD = "{\"written\":12.5,\"readBack\":12.5,\"previous\":3.25,\"quality\":0,"
			+ "\"qualityName\":\"Good\",\"latencyMs\":4,\"error\":null,\"readBackError\":null}";

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void forgetTheLastRequest() {
		CollectorStub.shared().reset();
		CollectorStub.shared().answer(200, GOOD);
	}

	@Test
	void anEngineerWriteIsForwardedWithTheStoredChannelAndTokenAndAuditedWithOldAndNewValue() throws Exception {
		long id = create("write.forward", Map.of("writable", true, "writeMin", 0, "writeMax", 100));
		String token = token(Role.ENGINEER);
		this.mvc
			.perform(post("/api/v1/io/channels/" + id + "/write").contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":12.5}")
				.with(bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(12.5))
			.andExpect(jsonPath("$.readBack").value(12.5))
			.andExpect(jsonPath("$.previous").value(3.25))
			.andExpect(jsonPath("$.quality").value(0))
			.andExpect(jsonPath("$.qualityName").value("Good"))
			.andExpect(jsonPath("$.latencyMs").value(4));
		CollectorStub.Request request = CollectorStub.shared().lastRequest();
		assertThat(request.path()).isEqualTo("/api/v1/collector/write");
		assertThat(request.authorization()).isEqualTo("Bearer " + token);
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.get("value").asDouble()).isEqualTo(12.5);
		assertThat(body.get("channel").get("id").asLong()).isEqualTo(id);
		assertThat(body.get("channel").get("settings").get("writable").asBoolean()).isTrue();
		assertThat(body.get("timeoutMs").asLong()).isEqualTo(9000);
		assertThat(audit(id))
			.containsExactly(List.of("{\"value\": 3.25}", "{\"value\": 12.5}", "Good, read back 12.5"));
		// and the audit API finds it by its action
		this.mvc.perform(get("/api/v1/audit?action=WRITE&entityType=channel&entityId=" + id).with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].action").value("WRITE"))
			.andExpect(jsonPath("$.content[0].before.value").value(3.25))
			.andExpect(jsonPath("$.content[0].after.value").value(12.5));
	}

	@Test
	void anOperatorWritesOnlyAChannelThatSaysOperatorWritable() throws Exception {
		long engineersOnly = create("write.roles.engineers", Map.of("writable", true));
		long operators = create("write.roles.operators", Map.of("writable", true, "operatorWritable", true));
		write(engineersOnly, "1", Role.OPERATOR).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("/problems/forbidden"));
		assertThat(CollectorStub.shared().lastRequest()).isNull();
		assertThat(audit(engineersOnly)).isEmpty();
		write(engineersOnly, "1", Role.ENGINEER).andExpect(status().isOk());
		write(engineersOnly, "1", Role.ADMIN).andExpect(status().isOk());
		for (Role role : Role.values()) {
			write(operators, "1", role).andExpect(status().isOk());
		}
		assertThat(audit(operators)).hasSize(3);
	}

	@Test
	void aWriteThatBreaksTheChannelsRulesIsRefusedByFieldAndNeverReachesTheCollector() throws Exception {
		long readOnly = create("write.refused.readonly", Map.of());
		write(readOnly, "1", Role.ADMIN).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/not-writable"));
		long limited = create("write.refused.limited", Map.of("writable", true, "writeMin", 0, "writeMax", 100));
		write(limited, "100.5", Role.ENGINEER).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.errors[0].field").value("value"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most writeMax 100.0"));
		write(limited, "\"50\"", Role.ENGINEER).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("value"));
		write(limited, "null", Role.ENGINEER).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("value"));
		this.mvc
			.perform(post("/api/v1/io/channels/" + limited + "/write").contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":1,\"force\":true}")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest());
		Map<String, Object> disabled = ChannelFixtures.modbus("write.refused.disabled");
		settings(disabled).put("writable", true);
		disabled.put("enabled", false);
		long off = create(disabled);
		write(off, "1", Role.ENGINEER).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/not-writable"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("disabled")));
		write(876543210L, "1", Role.ENGINEER).andExpect(status().isNotFound());
		assertThat(CollectorStub.shared().lastRequest()).isNull();
		assertThat(audit(readOnly)).isEmpty();
		assertThat(audit(limited)).isEmpty();
	}

	@Test
	void aDeviceThatDoesNotAnswerIsA504AndOneThatRefusesA502BothAudited() throws Exception {
		long id = create("write.device", Map.of("writable", true));
		CollectorStub.shared()
			.answer(200,
					"{\"written\":null,\"readBack\":null,\"previous\":null,\"quality\":"
							+ Integer.toUnsignedLong(Quality.BAD_TIMEOUT)
							+ ",\"qualityName\":\"Bad_Timeout\",\"latencyMs\":900,"
							+ "\"error\":\"no Modbus answer from 10.0.0.5:502:1 within 900 ms\"}");
		write(id, "2", Role.ENGINEER).andExpect(status().isGatewayTimeout())
			.andExpect(jsonPath("$.type").value("/problems/device-timeout"))
			.andExpect(jsonPath("$.qualityName").value("Bad_Timeout"));
		CollectorStub.shared()
			.answer(200, "{\"written\":null,\"quality\":" + Integer.toUnsignedLong(Quality.BAD_NOT_CONNECTED)
					+ ",\"qualityName\":\"Bad_NotConnected\",\"latencyMs\":1,\"error\":\"connection refused\"}");
		write(id, "3", Role.ENGINEER).andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.type").value("/problems/device-write-failed"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("connection refused")));
		assertThat(audit(id)).extracting((row) -> row.get(2))
			.containsExactly("not written: Bad_Timeout no Modbus answer from 10.0.0.5:502:1 within 900 ms",
					"not written: Bad_NotConnected connection refused");
	}

	@Test
	void theCollectorsOwnRefusalIsPassedOnAndItsFailureIsA502() throws Exception {
		long id = create("write.collector", Map.of("writable", true, "operatorWritable", true));
		CollectorStub.shared()
			.answer(403, "{\"type\":\"/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
					+ "\"detail\":\"channel " + id + " does not run on this collector\"}");
		write(id, "1", Role.OPERATOR).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("/problems/forbidden"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("does not run")));
		CollectorStub.shared().answer(500, "{\"title\":\"boom\"}");
		write(id, "1", Role.ENGINEER).andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.type").value("/problems/collector-unavailable"));
		assertThat(audit(id)).extracting((row) -> row.get(2))
			.allSatisfy((outcome) -> assertThat(outcome).startsWith("not written: "));
	}

	private ResultActions write(long id, String valueJson, Role role) throws Exception {
		return this.mvc.perform(post("/api/v1/io/channels/" + id + "/write").contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\":" + valueJson + "}")
			.with(as(role)));
	}

	private long create(String name, Map<String, Object> writeSettings) throws Exception {
		Map<String, Object> body = ChannelFixtures.modbus(name);
		settings(body).putAll(writeSettings);
		return create(body);
	}

	private long create(Map<String, Object> body) throws Exception {
		String response = this.mvc
			.perform(post("/api/v1/io/channels").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("id").asLong();
	}

	/** The WRITE entries of a channel: before, after, outcome. */
	private List<List<String>> audit(long id) {
		return this.jdbc
			.sql("select coalesce(before_value::text, ''), coalesce(after_value::text, ''), detail from audit_event "
					+ "where action = 'WRITE' and entity_type = 'channel' and entity_id = ? order by id")
			.param(id)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
