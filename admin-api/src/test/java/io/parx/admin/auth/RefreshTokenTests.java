package io.parx.admin.auth;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refresh rotation and reuse detection (RFC 9700 §4.14.2: a refresh token is single-use;
 * presenting a spent one means it was stolen, so the whole family dies).
 */
class RefreshTokenTests extends AbstractIntegrationTest {

	String signIn(TestUser user) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/auth/login").with(from(freshIp()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(LoginTests.credentials(user.username(), user.password())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.refreshToken");
	}

	ResultActions refresh(String refreshToken) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refreshToken\":\"" + refreshToken + "\"}"));
	}

	static String field(ResultActions result, String path) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
	}

	@Test
	void refreshGivesANewPairAndANewRefreshToken() throws Exception {
		TestUser user = createUser("refresher", "right-password", Role.ENGINEER);
		String first = signIn(user);
		ResultActions result = refresh(first).andExpect(status().isOk())
			.andExpect(jsonPath("$.tokenType").value("Bearer"))
			.andExpect(jsonPath("$.expiresIn").value(900));
		String second = field(result, "$.refreshToken");
		assertThat(second).isNotEqualTo(first);
		this.mvc.perform(get("/api/v1/auth/me").with(bearer(field(result, "$.accessToken"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(user.username()));
		refresh(second).andExpect(status().isOk());
	}

	@Test
	void reusingASpentRefreshTokenRevokesTheWholeFamilyAndIsAudited() throws Exception {
		TestUser user = createUser("victim", "right-password", Role.OPERATOR);
		String stolen = signIn(user);
		String legitimate = field(refresh(stolen).andExpect(status().isOk()), "$.refreshToken");
		String otherSession = signIn(user);

		refresh(stolen).andExpect(status().isUnauthorized());
		// the successor of the stolen token is dead too ...
		refresh(legitimate).andExpect(status().isUnauthorized());
		// ... but a separate sign-in (another family) is untouched
		refresh(otherSession).andExpect(status().isOk());

		this.mvc.perform(
				get("/api/v1/audit").with(as(Role.ADMIN)).param("user", user.username()).param("action", "TOKEN_REUSE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].entityId").value(user.id()));
	}

	@Test
	void twoConcurrentRefreshesWithOneTokenGetExactlyOneNewPair() throws Exception {
		// the token row is locked while it is spent: a race cannot mint two successors
		TestUser user = createUser("racer", "right-password", Role.OPERATOR);
		String token = signIn(user);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> attempt = () -> {
				start.await();
				return refresh(token).andReturn().getResponse().getStatus();
			};
			Future<Integer> first = pool.submit(attempt);
			Future<Integer> second = pool.submit(attempt);
			start.countDown();
			assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder(200, 401);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void logoutRevokesTheRefreshToken() throws Exception {
		TestUser user = createUser("leaver", "right-password", Role.OPERATOR);
		String token = signIn(user);
		this.mvc
			.perform(post("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
				.content("{\"refreshToken\":\"" + token + "\"}"))
			.andExpect(status().isNoContent());
		refresh(token).andExpect(status().isUnauthorized());
		this.mvc
			.perform(get("/api/v1/audit").with(as(Role.ADMIN)).param("user", user.username()).param("action", "LOGOUT"))
			.andExpect(jsonPath("$.page.totalElements").value(1));
	}

	@Test
	void unknownRefreshTokenIsA401AndAMissingOneA400() throws Exception {
		refresh("made-up-token").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("/problems/unauthorized"));
		this.mvc.perform(post("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("refreshToken"));
	}

	@Test
	void disablingAUserEndsTheirSessions() throws Exception {
		TestUser user = createUser("disabled", "right-password", Role.ENGINEER);
		String token = signIn(user);
		this.mvc
			.perform(put("/api/v1/users/{id}", user.id()).with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\":false}"))
			.andExpect(status().isOk());
		refresh(token).andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/auth/login").with(from(freshIp()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(LoginTests.credentials(user.username(), user.password())))
			.andExpect(status().isUnauthorized());
	}

}
