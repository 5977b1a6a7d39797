package io.parx.admin.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.audit.Actor;
import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;
import io.parx.common.security.Role;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Audit content, masking, filters and immutability (issue 3, "Audit and events"). */
class AuditTrailTests extends AbstractIntegrationTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcTemplate jdbc;

	record Settings(String host, String password, String clientSecret, List<Map<String, String>> extra) {
	}

	@Test
	void secretsAreMaskedAtAnyDepthAndOtherValuesKept() throws Exception {
		this.trail.record(new Actor("masking-test", 5L, "192.0.2.7"), AuditActions.UPDATE, "channel", 4242L,
				Map.of("settings", new Settings("plc-1", "old-secret", "s1", List.of(Map.of("apiToken", "t1")))),
				Map.of("settings", new Settings("plc-2", "new-secret", "s2", List.of())), null);
		this.mvc.perform(get("/api/v1/audit").with(as(Role.ADMIN)).param("user", "masking-test"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].entityType").value("channel"))
			.andExpect(jsonPath("$.content[0].entityId").value(4242))
			.andExpect(jsonPath("$.content[0].clientIp").value("192.0.2.7"))
			.andExpect(jsonPath("$.content[0].before.settings.host").value("plc-1"))
			.andExpect(jsonPath("$.content[0].before.settings.password").value("***"))
			.andExpect(jsonPath("$.content[0].before.settings.clientSecret").value("***"))
			.andExpect(jsonPath("$.content[0].before.settings.extra[0].apiToken").value("***"))
			.andExpect(jsonPath("$.content[0].after.settings.host").value("plc-2"))
			.andExpect(jsonPath("$.content[0].after.settings.password").value("***"));
	}

	@Test
	void creatingAUserRecordsWhoFromWhereAndTheNewValueWithoutPassword() throws Exception {
		this.mvc
			.perform(post("/api/v1/users").with(as(Role.ADMIN))
				.with(from("198.51.100.23"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"audited-user\",\"password\":\"long-enough-1\",\"role\":\"ENGINEER\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(get("/api/v1/audit").with(as(Role.ADMIN)).param("action", "CREATE").param("entityType", "user"))
			.andExpect(
					jsonPath("$.content[?(@.after.username == 'audited-user')].username").value(hasItem("admin-user")))
			.andExpect(jsonPath("$.content[?(@.after.username == 'audited-user')].clientIp")
				.value(hasItem("198.51.100.23")))
			.andExpect(
					jsonPath("$.content[?(@.after.username == 'audited-user')].after.role").value(hasItem("ENGINEER")))
			.andExpect(jsonPath("$.content[?(@.after.username == 'audited-user')].after.password").isEmpty());
	}

	@Test
	void failedAndSuccessfulSignInsAreRecorded() throws Exception {
		TestUser user = createUser("signing-in", "long-enough-1", Role.OPERATOR);
		String ip = freshIp();
		this.mvc.perform(post("/api/v1/auth/login").with(from(ip))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user.username() + "\",\"password\":\"wrong-password\"}"));
		this.mvc.perform(post("/api/v1/auth/login").with(from(ip))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user.username() + "\",\"password\":\"long-enough-1\"}"));
		this.mvc.perform(get("/api/v1/audit").with(as(Role.ADMIN)).param("user", user.username()))
			.andExpect(jsonPath("$.content[0].action").value("LOGIN"))
			.andExpect(jsonPath("$.content[0].clientIp").value(ip))
			.andExpect(jsonPath("$.content[1].action").value("LOGIN_FAILED"))
			.andExpect(jsonPath("$.content[1].detail").value("wrong password"));
	}

	@Test
	void filtersByTimeRangeAndPages() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.trail.record(new Actor("paging-test", null, null), AuditActions.UPDATE, "dashboard", (long) i, null,
					null, null);
		}
		this.mvc.perform(get("/api/v1/audit").with(as(Role.ADMIN)).param("user", "paging-test").param("size", "2"))
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.content[0].entityId").value(2))
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andExpect(jsonPath("$.page.totalPages").value(2));
		this.mvc
			.perform(get("/api/v1/audit").with(as(Role.ADMIN))
				.param("user", "paging-test")
				.param("from", Instant.now().plusSeconds(3600).toString()))
			.andExpect(jsonPath("$.page.totalElements").value(0));
		this.mvc
			.perform(get("/api/v1/audit").with(as(Role.ADMIN))
				.param("user", "paging-test")
				.param("from", Instant.now().minusSeconds(3600).toString())
				.param("to", Instant.now().plusSeconds(60).toString()))
			.andExpect(jsonPath("$.page.totalElements").value(3));
		this.mvc.perform(get("/api/v1/audit").with(as(Role.ADMIN)).param("from", "yesterday"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void auditRowsCannotBeChanged() throws Exception {
		this.mvc.perform(delete("/api/v1/audit").with(as(Role.ADMIN))).andExpect(status().isMethodNotAllowed());
		// even a direct SQL update is refused by the database
		assertThatException().isThrownBy(() -> this.jdbc.update("update audit_event set action = 'FORGED'"));
	}

}
