package io.parx.admin.auth;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in, "who am I" and sign-out (issue 3, "Authentication"). */
class LoginTests extends AbstractIntegrationTest {

	static String credentials(String username, String password) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
	}

	ResultActions login(String username, String password, String ip) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/login").with(from(ip))
			.contentType(MediaType.APPLICATION_JSON)
			.content(credentials(username, password)));
	}

	@Test
	void firstAdministratorFromTheEnvironmentCanSignInAndSeeThemself() throws Exception {
		MvcResult result = login(ADMIN_USERNAME, ADMIN_PASSWORD, freshIp()).andExpect(status().isOk())
			.andExpect(jsonPath("$.tokenType").value("Bearer"))
			.andExpect(jsonPath("$.expiresIn").value(900))
			.andExpect(jsonPath("$.refreshToken").isNotEmpty())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn();
		String accessToken = JsonPath.read(result.getResponse().getContentAsString(), "$.accessToken");
		this.mvc.perform(get("/api/v1/auth/me").with(bearer(accessToken)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(ADMIN_USERNAME))
			.andExpect(jsonPath("$.role").value("ADMIN"));
	}

	@Test
	void accessTokenFollowsTheContract() throws Exception {
		String body = login(ADMIN_USERNAME, ADMIN_PASSWORD, freshIp()).andReturn().getResponse().getContentAsString();
		String[] parts = JsonPath.<String>read(body, "$.accessToken").split("\\.");
		String header = new String(java.util.Base64.getUrlDecoder().decode(parts[0]));
		String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
		assertThat(JsonPath.<String>read(header, "$.alg")).isEqualTo("ES256");
		assertThat(JsonPath.<String>read(header, "$.typ")).isEqualTo("at+jwt");
		assertThat(JsonPath.<String>read(claims, "$.iss")).isEqualTo("parx");
		assertThat(JsonPath.<Object>read(claims, "$.aud").toString()).contains("parx");
		assertThat(JsonPath.<String>read(claims, "$.sub")).isEqualTo(ADMIN_USERNAME);
		assertThat(JsonPath.<Object>read(claims, "$.roles").toString()).contains("ADMIN");
		assertThat(JsonPath.<Number>read(claims, "$.uid").longValue()).isPositive();
		long lifetime = JsonPath.<Number>read(claims, "$.exp").longValue()
				- JsonPath.<Number>read(claims, "$.iat").longValue();
		assertThat(lifetime).isEqualTo(900);
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
		// OWASP ASVS V2.2: the answer must not reveal which user names exist
		TestUser user = createUser("same-answer", "right-password", Role.OPERATOR);
		String wrongPassword = login(user.username(), "not-the-password", freshIp())
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownUser = login("nobody-here", "not-the-password", freshIp()).andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknownUser.replace("nobody-here", "X")).isEqualTo(wrongPassword.replace(user.username(), "X"));
	}

	@Test
	void unknownUserTakesAsLongAsAWrongPassword() throws Exception {
		// without the dummy hash an unknown user would answer in a millisecond instead of
		// one bcrypt
		TestUser user = createUser("timing", "right-password", Role.OPERATOR);
		long wrongPassword = Long.MAX_VALUE;
		long unknownUser = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			login("timing-" + i + "-nobody", "not-the-password", freshIp());
			unknownUser = Math.min(unknownUser, System.nanoTime() - start);
			start = System.nanoTime();
			login(user.username(), "not-the-password-" + i, freshIp());
			wrongPassword = Math.min(wrongPassword, System.nanoTime() - start);
		}
		assertThat(unknownUser).isGreaterThan(wrongPassword / 2);
	}

	@Test
	void missingFieldsAreA400WithFieldErrors() throws Exception {
		this.mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("username", "password")));
	}

	@Test
	void malformedBodyIsA400NotA500() throws Exception {
		this.mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/malformed-body"));
	}

	@Test
	void passwordLongerThanBcryptAcceptsIsAPlainFailureNotAnError() throws Exception {
		TestUser user = createUser("long-password", "right-password", Role.ENGINEER);
		login(user.username(), "x".repeat(100), freshIp()).andExpect(status().isUnauthorized());
		login(user.username(), "right-password", freshIp()).andExpect(status().isOk());
	}

	@Test
	void userNameIsCaseInsensitive() throws Exception {
		login(ADMIN_USERNAME.toUpperCase(), ADMIN_PASSWORD, freshIp()).andExpect(status().isOk());
	}

	@Test
	void tokenOfAnotherRoleSeesItsOwnIdentityOnlyIfTheUserExists() throws Exception {
		// a token for a user id that is not in the database (deleted user) gets a 401
		this.mvc.perform(get("/api/v1/auth/me").with(as(Role.OPERATOR))).andExpect(status().isUnauthorized());
	}

}
