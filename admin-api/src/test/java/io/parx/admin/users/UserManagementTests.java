package io.parx.admin.users;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import org.springframework.beans.factory.annotation.Autowired;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Users CRUD under /api/v1/users (ADMIN), including password change and disabling. */
class UserManagementTests extends AbstractIntegrationTest {

	@Autowired
	UserRepository users;

	ResultActions createRaw(String json) throws Exception {
		return this.mvc
			.perform(post("/api/v1/users").with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions login(String username, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/login").with(from(freshIp()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
	}

	String tokenOf(TestUser user) {
		return this.accessTokens.issue(user.username(), user.id(), user.role());
	}

	@Test
	void createdUserIsA201WithLocationAndNeverShowsThePassword() throws Exception {
		createRaw("{\"username\":\"new-operator\",\"password\":\"long-enough-1\",\"role\":\"OPERATOR\"}")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/v1/users/\\d+")))
			.andExpect(jsonPath("$.username").value("new-operator"))
			.andExpect(jsonPath("$.role").value("OPERATOR"))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
		login("new-operator", "long-enough-1").andExpect(status().isOk());
	}

	@Test
	void badInputNamesEveryBadField() throws Exception {
		createRaw("{\"username\":\"a b\",\"password\":\"short\",\"role\":\"ROOT\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "password", "role")));
	}

	@Test
	void passwordOverTheBcryptLimitIsRefusedWithAClearMessage() throws Exception {
		// 73 bytes: bcrypt would silently ignore the last one
		createRaw("{\"username\":\"too-long\",\"password\":\"" + "p".repeat(73) + "\",\"role\":\"OPERATOR\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("72 bytes")));
	}

	@Test
	void sixtyFourCharacterPasswordsAreAllowed() throws Exception {
		String password = "x".repeat(64);
		createRaw("{\"username\":\"long-pass\",\"password\":\"" + password + "\",\"role\":\"ENGINEER\"}")
			.andExpect(status().isCreated());
		login("long-pass", password).andExpect(status().isOk());
	}

	@Test
	void duplicateUserNameIgnoringCaseIsAConflict() throws Exception {
		TestUser user = createUser("twin", "long-enough-1", Role.OPERATOR);
		createRaw("{\"username\":\"" + user.username().toUpperCase() + "\",\"password\":\"long-enough-1\","
				+ "\"role\":\"OPERATOR\"}")
			.andExpect(status().isConflict());
	}

	@Test
	void unknownUserIsA404() throws Exception {
		this.mvc.perform(get("/api/v1/users/{id}", 987654321).with(as(Role.ADMIN)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("/problems/not-found"));
		this.mvc.perform(get("/api/v1/users/not-a-number").with(as(Role.ADMIN))).andExpect(status().isBadRequest());
	}

	@Test
	void listIsPagedWithATotal() throws Exception {
		createUser("listed", "long-enough-1", Role.OPERATOR);
		this.mvc.perform(get("/api/v1/users").param("size", "1").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.page.size").value(1))
			.andExpect(jsonPath("$.page.totalElements").value(org.hamcrest.Matchers.greaterThan(1)));
		this.mvc.perform(get("/api/v1/users").param("size", "100000").with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void roleChangeIsAuditedWithBeforeAndAfter() throws Exception {
		TestUser user = createUser("promoted", "long-enough-1", Role.OPERATOR);
		this.mvc
			.perform(put("/api/v1/users/{id}", user.id()).with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"ENGINEER\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("ENGINEER"));
		this.mvc
			.perform(get("/api/v1/audit").with(as(Role.ADMIN))
				.param("action", "ROLE_CHANGE")
				.param("entityType", "user")
				.param("entityId", Long.toString(user.id())))
			.andExpect(jsonPath("$.content[0].before.role").value("OPERATOR"))
			.andExpect(jsonPath("$.content[0].after.role").value("ENGINEER"))
			.andExpect(jsonPath("$.content[0].username").value("admin-user"));
	}

	@Test
	void staleVersionIsAConflict() throws Exception {
		TestUser user = createUser("versioned", "long-enough-1", Role.OPERATOR);
		this.mvc
			.perform(put("/api/v1/users/{id}", user.id()).with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"ENGINEER\",\"version\":42}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/version-conflict"));
	}

	@Test
	void usersChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
		TestUser user = createUser("self-service", "old-password", Role.OPERATOR);
		String token = tokenOf(user);
		this.mvc
			.perform(put("/api/v1/users/{id}/password", user.id()).with(bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"wrong-one\",\"newPassword\":\"new-password\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		this.mvc
			.perform(put("/api/v1/users/{id}/password", user.id()).with(bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"old-password\",\"newPassword\":\"new-password\"}"))
			.andExpect(status().isNoContent());
		login(user.username(), "old-password").andExpect(status().isUnauthorized());
		login(user.username(), "new-password").andExpect(status().isOk());
	}

	@Test
	void nobodyButAnAdminChangesSomeoneElsesPassword() throws Exception {
		TestUser victim = createUser("other", "old-password", Role.OPERATOR);
		TestUser engineer = createUser("nosy", "old-password", Role.ENGINEER);
		this.mvc
			.perform(put("/api/v1/users/{id}/password", victim.id()).with(bearer(tokenOf(engineer)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"old-password\",\"newPassword\":\"hijacked-1\"}"))
			.andExpect(status().isForbidden());
		// an administrator resets it without knowing the old one
		this.mvc
			.perform(put("/api/v1/users/{id}/password", victim.id()).with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"newPassword\":\"reset-by-admin\"}"))
			.andExpect(status().isNoContent());
		login(victim.username(), "reset-by-admin").andExpect(status().isOk());
	}

	@Test
	void theLastAdministratorCannotBeDemotedDisabledOrDeleted() throws Exception {
		long adminId = this.users.findByUsernameIgnoreCase(ADMIN_USERNAME).orElseThrow().getId();
		// other tests may have created administrators: demote them so "admin" is the last
		for (User other : this.users.findAll()) {
			if (other.getRole() == Role.ADMIN && other.getId() != adminId) {
				this.mvc
					.perform(put("/api/v1/users/{id}", other.getId()).with(as(Role.ADMIN))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"role\":\"OPERATOR\"}"))
					.andExpect(status().isOk());
			}
		}
		TestUser second = createUser("second-admin", "long-enough-1", Role.ADMIN);
		// with two admins, the second one can go ...
		this.mvc.perform(delete("/api/v1/users/{id}", second.id()).with(as(Role.ADMIN)))
			.andExpect(status().isNoContent());
		// ... but the last one stays
		ResultActions demote = this.mvc.perform(put("/api/v1/users/{id}", adminId).with(as(Role.ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}"));
		demote.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(endsWith("create or enable another one first")));
		this.mvc
			.perform(put("/api/v1/users/{id}", adminId).with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"ENGINEER\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/v1/users/{id}", adminId).with(as(Role.ADMIN))).andExpect(status().isConflict());
	}

	@Test
	void deletedUserIsGoneAndAudited() throws Exception {
		TestUser user = createUser("removed", "long-enough-1", Role.OPERATOR);
		this.mvc.perform(delete("/api/v1/users/{id}", user.id()).with(as(Role.ADMIN)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/users/{id}", user.id()).with(as(Role.ADMIN))).andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/audit").with(as(Role.ADMIN))
				.param("action", "DELETE")
				.param("entityType", "user")
				.param("entityId", Long.toString(user.id())))
			.andExpect(jsonPath("$.content[0].before.username").value(user.username()));
	}

}
