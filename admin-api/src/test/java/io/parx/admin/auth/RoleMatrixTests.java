package io.parx.admin.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint group for every role (docs/SECURITY.md) and every kind of bad token.
 * Allowed means "not 401/403": the groups of other features may answer 400 or 404 to
 * these deliberately empty requests.
 */
class RoleMatrixTests extends AbstractIntegrationTest {

	private static final Set<Role> ALL = Set.of(Role.ADMIN, Role.ENGINEER, Role.OPERATOR);

	private static final Set<Role> CONFIGURERS = Set.of(Role.ADMIN, Role.ENGINEER);

	private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

	private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

	private static final Map<Role, Long> IDS = new EnumMap<>(Role.class);

	@Autowired
	AccessTokens tokens;

	static Stream<Arguments> endpoints() {
		return Stream.of(Arguments.of("GET", "/api/v1/auth/me", ALL),
				Arguments.of("PUT", "/api/v1/users/{self}/password", ALL), Arguments.of("GET", "/api/v1/users", ADMIN),
				Arguments.of("POST", "/api/v1/users", ADMIN), Arguments.of("GET", "/api/v1/users/1", ADMIN),
				Arguments.of("PUT", "/api/v1/users/0", ADMIN), Arguments.of("DELETE", "/api/v1/users/0", ADMIN),
				Arguments.of("GET", "/api/v1/audit", ADMIN), Arguments.of("GET", "/api/v1/io/channels", ALL),
				Arguments.of("GET", "/api/v1/io/channels/0", ALL),
				Arguments.of("POST", "/api/v1/io/channels", CONFIGURERS),
				Arguments.of("PUT", "/api/v1/io/channels/0", CONFIGURERS),
				Arguments.of("DELETE", "/api/v1/io/channels/0", CONFIGURERS),
				Arguments.of("POST", "/api/v1/io/channels/0/test", CONFIGURERS),
				Arguments.of("GET", "/api/v1/storage/rules", ALL),
				Arguments.of("POST", "/api/v1/storage/rules", CONFIGURERS),
				Arguments.of("DELETE", "/api/v1/storage/rules/0", CONFIGURERS),
				Arguments.of("GET", "/api/v1/dashboards", ALL), Arguments.of("GET", "/api/v1/dashboards/0", ALL),
				Arguments.of("POST", "/api/v1/dashboards", CONFIGURERS),
				Arguments.of("POST", "/api/v1/dashboards/0/export", ALL),
				Arguments.of("POST", "/api/v1/dashboards/import", CONFIGURERS),
				Arguments.of("DELETE", "/api/v1/dashboards/0", CONFIGURERS),
				Arguments.of("GET", "/actuator/metrics", ADMIN));
	}

	@BeforeEach
	void usersOfEveryRole() throws Exception {
		synchronized (TOKENS) {
			if (TOKENS.isEmpty()) {
				for (Role role : Role.values()) {
					TestUser user = createUser("matrix-" + role.name().toLowerCase(), "long-enough-1", role);
					TOKENS.put(role, this.tokens.issue(user.username(), user.id(), role));
					IDS.put(role, user.id());
				}
			}
		}
	}

	MockHttpServletRequestBuilder call(String method, String path) {
		return request(HttpMethod.valueOf(method), path).contentType(MediaType.APPLICATION_JSON).content("{}");
	}

	int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	@ParameterizedTest(name = "{0} {1} allowed for {2}")
	@MethodSource("endpoints")
	void eachRoleGetsExactlyItsRights(String method, String path, Set<Role> allowed) throws Exception {
		for (Role role : Role.values()) {
			// {self}: the caller's own id (everyone may change their own password)
			String own = path.replace("{self}", Long.toString(IDS.get(role)));
			int status = status(call(method, own).with(bearer(TOKENS.get(role))));
			if (allowed.contains(role)) {
				assertThat(status).as("%s %s as %s", method, path, role).isNotIn(401, 403);
			}
			else {
				assertThat(status).as("%s %s as %s", method, path, role).isEqualTo(403);
			}
		}
	}

	@ParameterizedTest(name = "{0} {1} refuses bad tokens")
	@MethodSource("endpoints")
	void missingOrInvalidTokenIsA401(String method, String path, Set<Role> allowed) throws Exception {
		String valid = TOKENS.get(Role.ADMIN);
		Map<String, String> bad = Map.of("expired", expired(), "tampered", tampered(valid), "foreign key",
				FOREIGN_TOKENS.token("admin", "ADMIN"), "alg none", unsigned(valid), "garbage", "abc.def.ghi");
		String own = path.replace("{self}", "1");
		assertThat(status(call(method, own))).as("no token").isEqualTo(401);
		for (Map.Entry<String, String> token : bad.entrySet()) {
			assertThat(status(call(method, own).with(bearer(token.getValue())))).as(token.getKey()).isEqualTo(401);
		}
	}

	private String expired() {
		Instant now = Instant.now();
		return this.tokens.issue("admin", 1, Role.ADMIN, now.minusSeconds(3600), now.minusSeconds(600));
	}

	/**
	 * The payload of a valid operator token with the role raised to ADMIN; signature
	 * kept.
	 */
	private String tampered(String valid) {
		String operator = TOKENS.get(Role.OPERATOR);
		String[] parts = operator.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"OPERATOR\"", "\"ADMIN\"");
		parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return String.join(".", parts);
	}

	private static String unsigned(String valid) {
		String[] parts = valid.split("\\.");
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
		return header + "." + parts[1] + ".";
	}

}
