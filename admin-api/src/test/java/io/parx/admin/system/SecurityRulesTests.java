package io.parx.admin.system;

import org.junit.jupiter.api.Test;

import io.parx.common.security.Role;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public endpoints and the shape of 401/403 answers (RFC 6750 §3, RFC 9457). */
class SecurityRulesTests extends AbstractIntegrationTest {

	@Test
	void jwksIsPublicAndHoldsOnlyThePublicKey() throws Exception {
		this.mvc.perform(get("/.well-known/jwks.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keys[0].kty").value("EC"))
			.andExpect(jsonPath("$.keys[0].crv").value("P-256"))
			.andExpect(jsonPath("$.keys[0].kid").isNotEmpty())
			.andExpect(jsonPath("$.keys[0].d").doesNotExist());
	}

	@Test
	void healthAndApiDocsArePublic() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/auth/login'].post").exists())
			.andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
	}

	@Test
	void missingTokenIsA401ProblemWithBearerChallenge() throws Exception {
		this.mvc.perform(get("/api/v1/auth/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/unauthorized"));
	}

	@Test
	void wrongRoleIsA403Problem() throws Exception {
		this.mvc.perform(get("/api/v1/users").with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/forbidden"));
	}

	@Test
	void unknownPathsAreDeniedEvenToAdmins() throws Exception {
		this.mvc.perform(get("/internal/secret").with(as(Role.ADMIN))).andExpect(status().isForbidden());
	}

}
