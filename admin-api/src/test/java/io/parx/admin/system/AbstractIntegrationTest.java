package io.parx.admin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.parx.admin.auth.AccessTokens;
import io.parx.admin.channels.CollectorStub;
import io.parx.common.security.Role;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Base of every admin-api integration test: ONE Spring context for the module, on a
 * config database of its own (real PostgreSQL, migrated), a Redis key prefix of its own,
 * and a signing key in a temporary directory. Don't add {@code @MockitoBean} or
 * {@code @DirtiesContext} in subclasses: they would fork the context.
 *
 * <p>
 * Login throttling is fast here (3 free attempts, then 1 s doubling, capped at 2 s per
 * account and 3 s per address) so its tests run quickly; tests that fail logins should
 * use their own user names and client addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class AbstractIntegrationTest {

	/** The first administrator, created at start-up from parx.admin.*. */
	protected static final String ADMIN_USERNAME = "admin";

	protected static final String ADMIN_PASSWORD = "initial-admin-password";

	/** Tokens of a foreign issuer: valid shape, wrong key for this service. */
	protected static final TestTokens FOREIGN_TOKENS = TestTokens.start();

	private static final AtomicInteger USERS = new AtomicInteger();

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

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
		registry.add("parx.auth.throttle.base-delay", () -> "1s");
		registry.add("parx.auth.throttle.max-account-delay", () -> "2s");
		registry.add("parx.auth.throttle.max-ip-delay", () -> "3s");
		registry.add("parx.admin.username", () -> ADMIN_USERNAME);
		registry.add("parx.admin.password", () -> ADMIN_PASSWORD);
		registry.add("parx.collector.url", () -> CollectorStub.shared().url());
		// Only 127.0.0.1 is a trusted proxy here: 127.0.0.2 is an untrusted client.
		registry.add("PARX_TRUSTED_PROXIES", () -> "127\\.0\\.0\\.1");
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

	/**
	 * A client address of its own for each call, so login throttling of one test never
	 * touches another.
	 */
	protected static String freshIp() {
		int n = ADDRESSES.getAndIncrement();
		return "10." + (n / 62500 % 250) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
	}

	/** A request from this client address. */
	protected static RequestPostProcessor from(String clientIp) {
		return (request) -> {
			request.setRemoteAddr(clientIp);
			return request;
		};
	}

	/**
	 * Creates a user through the API (as an administrator) and returns its id. Names get
	 * a unique suffix, so tests never collide: pass a readable stem.
	 */
	protected TestUser createUser(String stem, String password, Role role) throws Exception {
		String username = stem + "-" + USERS.incrementAndGet();
		String body = this.mvc
			.perform(post("/api/v1/users").with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
						+ "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new TestUser(JsonPath.<Number>read(body, "$.id").longValue(), username, password, role);
	}

	/** A user created by {@link #createUser}. */
	protected record TestUser(long id, String username, String password, Role role) {
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
