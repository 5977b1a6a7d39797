package io.parx.admin.alarms;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parx.admin.events.ConfigEventRecorder;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.ConfigChanged;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/v1/alarms/webhooks} against a real config database and Redis. */
class AlarmWebhookApiTests extends AbstractIntegrationTest {

	private static final String SECRET = "Bearer pager-token-7f3a";

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RedisConnectionFactory redis;

	private ConfigEventRecorder recorder;

	@BeforeEach
	void subscribe() {
		this.recorder = ConfigEventRecorder.subscribe(this.redis);
	}

	@AfterEach
	void unsubscribe() throws Exception {
		this.recorder.close();
	}

	@Test
	void aPagerIsCreatedReadByAnOperatorReplacedAndDeletedWithEventsAndAudit() throws Exception {
		long id = create(map("name", "Night pager", "url", "https://pager.example.com/hooks/parx", "priorities",
				List.of("CRITICAL", "HIGH"), "secret", SECRET));
		this.mvc.perform(get("/api/v1/alarms/webhooks/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.url").value("https://pager.example.com/hooks/parx"))
			.andExpect(jsonPath("$.priorities", containsInAnyOrder("HIGH", "CRITICAL")))
			.andExpect(jsonPath("$.secretHeader").value("Authorization"))
			.andExpect(jsonPath("$.secretSet").value(true))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.secret").doesNotExist());
		// a replacement without the secret keeps it
		Map<String, Object> replaced = map("name", "Day pager", "url", "https://pager.example.com/hooks/day",
				"priorities", List.of("LOW", 2), "enabled", false);
		this.mvc
			.perform(json(put("/api/v1/alarms/webhooks/" + id), replaced).header("If-Match", "\"0\"")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.priorities", containsInAnyOrder("LOW", "MEDIUM")))
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.secretSet").value(true));
		assertThat(storedSecret(id)).isEqualTo(SECRET);
		this.mvc
			.perform(json(put("/api/v1/alarms/webhooks/" + id), replaced).header("If-Match", "\"0\"")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/version-conflict"));
		this.mvc.perform(json(put("/api/v1/alarms/webhooks/" + id), replaced).with(as(Role.ENGINEER)))
			.andExpect(status().isPreconditionRequired());
		this.mvc.perform(get("/api/v1/alarms/webhooks").with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Day pager")));
		this.mvc.perform(delete("/api/v1/alarms/webhooks/" + id).with(as(Role.ADMIN)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/alarms/webhooks/" + id).with(as(Role.OPERATOR))).andExpect(status().isNotFound());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.recorder.received()).contains(
					new ConfigChanged(Entity.ALARM_WEBHOOK, id, Op.CREATED, 0),
					new ConfigChanged(Entity.ALARM_WEBHOOK, id, Op.UPDATED, 1),
					new ConfigChanged(Entity.ALARM_WEBHOOK, id, Op.DELETED, 1)));
		assertThat(this.jdbc
			.sql("select action from audit_event where entity_type = 'alarm-webhook' and entity_id = ? order by id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("CREATE", "UPDATE", "DELETE");
	}

	@Test
	void theSecretIsNeverReturnedNorAuditedAndCanBeReplacedOrRemoved() throws Exception {
		// The secret lets anyone page the night shift: no answer, list or audit entry
		// may carry it.
		long id = create(map("name", "Chat", "url", "http://chat.local/in", "priorities", List.of("LOW"), "secret",
				SECRET, "secretHeader", "X-Chat-Token"));
		this.mvc.perform(get("/api/v1/alarms/webhooks").with(as(Role.ADMIN)))
			.andExpect(content().string(not(containsString("pager-token"))));
		this.mvc.perform(get("/api/v1/alarms/webhooks/" + id).with(as(Role.ADMIN)))
			.andExpect(content().string(not(containsString("pager-token"))));
		Map<String, Object> replacing = map("name", "Chat", "url", "http://chat.local/in", "priorities", List.of("LOW"),
				"secret", "other-token", "version", 0);
		this.mvc.perform(json(put("/api/v1/alarms/webhooks/" + id), replacing).with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("other-token"))));
		assertThat(storedSecret(id)).isEqualTo("other-token");
		Map<String, Object> removing = new java.util.HashMap<>(replacing);
		removing.put("secret", null);
		removing.put("version", 1);
		this.mvc.perform(json(put("/api/v1/alarms/webhooks/" + id), removing).with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secretSet").value(false));
		assertThat(storedSecret(id)).isNull();
		assertThat(this.jdbc
			.sql("select coalesce(before_value::text, '') || coalesce(after_value::text, '') from audit_event "
					+ "where entity_type = 'alarm-webhook' and entity_id = ?")
			.param(id)
			.query(String.class)
			.list()).hasSize(3).noneMatch((entry) -> entry.contains("pager-token") || entry.contains("other-token"));
	}

	@Test
	void badFieldsAreRefusedWithTheFieldNamed() throws Exception {
		expectBadField(map("name", "x", "url", "ftp://files.example.com/", "priorities", List.of("LOW")), "url");
		expectBadField(map("name", "x", "url", "https://u:p@pager.example.com/", "priorities", List.of("LOW")), "url");
		expectBadField(
				map("name", "x", "url", "https://pager.example.com/" + "a".repeat(2000), "priorities", List.of("LOW")),
				"url");
		expectBadField(map("name", "x", "url", "https://pager.example.com/", "priorities", List.of("URGENT")),
				"priorities");
		expectBadField(map("name", "x", "url", "https://pager.example.com/", "priorities", List.of()), "priorities");
		expectBadField(map("name", "x".repeat(201), "url", "https://pager.example.com/", "priorities", List.of("LOW")),
				"name");
		expectBadField(map("name", "x", "url", "https://pager.example.com/", "priorities", List.of("LOW"), "secret",
				"s".repeat(1001)), "secret");
		expectBadField(map("name", "x", "url", "https://pager.example.com/", "priorities", List.of("LOW"),
				"secretHeader", "Content-Length"), "secretHeader");
		expectBadField(
				map("name", "x", "url", "https://pager.example.com/", "priorities", List.of("LOW"), "colour", "red"),
				"colour");
	}

	@Test
	void anOperatorMayNotChangeWebhooks() throws Exception {
		this.mvc
			.perform(json(post("/api/v1/alarms/webhooks"),
					map("name", "x", "url", "https://pager.example.com/", "priorities", List.of("LOW")))
				.with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
	}

	private void expectBadField(Map<String, Object> body, String field) throws Exception {
		String answer = this.mvc.perform(json(post("/api/v1/alarms/webhooks"), body).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).as(field).contains("\"" + field + "\"").doesNotContain("sssss");
	}

	private String storedSecret(long id) {
		return this.jdbc.sql("select secret from alarm_webhook where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long create(Map<String, Object> body) throws Exception {
		String response = this.mvc.perform(json(post("/api/v1/alarms/webhooks"), body).with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("id").asLong();
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
	}

}
