package io.parx.admin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.parx.admin.auth.AccessTokens;
import io.parx.common.security.Role;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;

/**
 * Base of every admin-api integration test: ONE Spring context for the module, on a
 * config database of its own (real PostgreSQL, migrated), a Redis key prefix of its own,
 * and a signing key in a temporary directory. Don't add {@code @MockitoBean} or
 * {@code @DirtiesContext} in subclasses: they would fork the context.
 *
 * <p>
 * Login throttling is fast here (3 free attempts, 200 ms base delay) so its tests run
 * quickly; tests that fail logins should use their own user names and client addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class AbstractIntegrationTest {

	/** The first administrator, created at start-up from parx.admin.*. */
	protected static final String ADMIN_USERNAME = "admin";

	protected static final String ADMIN_PASSWORD = "initial-admin-password";

	/** Tokens of a foreign issuer: valid shape, wrong key for this service. */
	protected static final TestTokens FOREIGN_TOKENS = TestTokens.start();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected AccessTokens accessTokens;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestDatabase database = Shared.DATABASE;
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.data.redis.url", () -> TestServices.redis().url());
		registry.add("parx.redis.prefix", TestServices::redisPrefix);
		registry.add("parx.security.jwks-url", FOREIGN_TOKENS::jwksUrl);
		registry.add("parx.auth.key-directory", () -> Shared.KEY_DIRECTORY.toString());
		registry.add("parx.auth.throttle.free-attempts", () -> "3");
		registry.add("parx.auth.throttle.base-delay", () -> "200ms");
		registry.add("parx.auth.throttle.max-account-delay", () -> "1s");
		registry.add("parx.auth.throttle.max-ip-delay", () -> "2s");
		registry.add("parx.admin.username", () -> ADMIN_USERNAME);
		registry.add("parx.admin.password", () -> ADMIN_PASSWORD);
	}

	/** A valid access token of this service for a user that need not exist. */
	protected String token(Role role) {
		return this.accessTokens.issue(role.name().toLowerCase() + "-user", 999_000L + role.ordinal(), role);
	}

	/** {@code Authorization: Bearer <token>} for a request. */
	protected static RequestPostProcessor bearer(String token) {
		return (request) -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return request;
		};
	}

	/** A request as one of the three roles. */
	protected RequestPostProcessor as(Role role) {
		return bearer(token(role));
	}

	/** A request from this client address. */
	protected static RequestPostProcessor from(String clientIp) {
		return (request) -> {
			request.setRemoteAddr(clientIp);
			return request;
		};
	}

	/** Created once per JVM: every subclass shares the same database and context. */
	private static final class Shared {

		static final TestDatabase DATABASE = TestDatabases.createConfigDb();

		static final Path KEY_DIRECTORY = createKeyDirectory();

		private static Path createKeyDirectory() {
			try {
				Path directory = Files.createTempDirectory("parx-admin-keys");
				directory.toFile().deleteOnExit();
				return directory;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
