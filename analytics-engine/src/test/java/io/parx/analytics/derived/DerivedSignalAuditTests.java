package io.parx.analytics.derived;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.parx.analytics.AbstractIntegrationTest;
import io.parx.db.test.RefusedAudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Derived signals change configuration, so they are audited like admin-api's changes
 * (docs/SECURITY.md, "Audit"), in the config database's {@code audit_event}.
 */
class DerivedSignalAuditTests extends AbstractIntegrationTest {

	private final JdbcClient config = fixture().config.jdbc();

	@Test
	void savingAndDeletingADerivedSignalRecordsTheUserOfTheTokenAndTheSignal() throws Exception {
		String name = "Audited " + Instant.now().toEpochMilli();
		String token = TOKENS.token("erin", 4711L, "ENGINEER");
		String created = this.mvc
			.perform(post("/api/v1/analytics/derived/signals").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.with((request) -> {
					request.setRemoteAddr("198.51.100.9");
					return request;
				})
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"formula\":\"[Furnace Temp] * 2\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		this.mvc
			.perform(delete("/api/v1/analytics/derived/signals/" + id).header(HttpHeaders.AUTHORIZATION,
					"Bearer " + TOKENS.token("ada", 7L, "ADMIN")))
			.andExpect(status().isNoContent());

		Map<String, Object> create = entry("CREATE", id);
		assertThat(create).containsEntry("username", "erin")
			.containsEntry("user_id", 4711L)
			.containsEntry("client_ip", "198.51.100.9")
			.containsEntry("before", null);
		assertThat(create.get("after").toString()).contains("\"name\": \"" + name + "\"",
				"\"formula\": \"[Furnace Temp] * 2\"");
		Map<String, Object> deletion = entry("DELETE", id);
		assertThat(deletion).containsEntry("username", "ada").containsEntry("user_id", 7L).containsEntry("after", null);
		assertThat(deletion.get("before").toString()).contains("\"name\": \"" + name + "\"");
	}

	@Test
	void aSignalWhoseAuditEntryCannotBeWrittenIsNotSaved() throws Exception {
		// the signal and its entry share one transaction: no unaudited change
		String name = "Unaudited " + Instant.now().toEpochMilli();
		try (RefusedAudit refused = RefusedAudit.of(fixture().configDatabase, "derived-signal")) {
			this.mvc
				.perform(post("/api/v1/analytics/derived/signals").with(as("ENGINEER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"" + name + "\",\"formula\":\"[Furnace Temp] * 2\"}"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.type").value("/problems/audit-unavailable"));
		}
		assertThat(this.config.sql("select count(*) from derived_signal where name = ?")
			.param(name)
			.query(Long.class)
			.single()).isZero();
	}

	private Map<String, Object> entry(String action, long id) {
		return this.config
			.sql("select username, user_id, client_ip, before_value::text as before, after_value::text as after "
					+ "from audit_event where entity_type = 'derived-signal' and entity_id = ? and action = ?")
			.params(id, action)
			.query()
			.singleRow();
	}

}
