package io.parx.router;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the router's integration tests: a real Tomcat on a random
 * port, a fresh config database, real Redis under a prefix of this JVM, and a test JWKS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractIntegrationTest {

	protected static final TestTokens TOKENS = TestTokens.start();

	protected static final RedisKeys KEYS = new RedisKeys(TestServices.redisPrefix());

	@LocalServerPort
	protected int port;

	@Autowired
	protected RedisConnectionFactory redis;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		properties(registry::add);
	}

	/** The settings every router under test uses, also for the restarted one. */
	protected static void properties(PropertySink registry) {
		TestDatabase db = Databases.CONFIG;
		registry.add("spring.datasource.url", db::jdbcUrl);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
		registry.add("spring.data.redis.url", () -> TestServices.redis().url());
		registry.add("parx.redis.prefix", KEYS::prefix);
		registry.add("parx.security.jwks-url", TOKENS::jwksUrl);
		// Short limits so that expiry and stuck-client cases finish quickly.
		registry.add("parx.router.stuck-timeout", () -> "3s");
		registry.add("parx.router.token-refresh-ahead", () -> "2s");
		registry.add("parx.router.token-grace", () -> "2s");
		registry.add("parx.router.outbox-capacity", () -> "64");
	}

	@BeforeAll
	static void awaitility() {
		Awaitility.setDefaultTimeout(Duration.ofSeconds(10));
		Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
	}

	protected URI wsUri() {
		return URI.create("ws://127.0.0.1:" + this.port + "/ws");
	}

	protected URI wsUri(String token) {
		return URI.create("ws://127.0.0.1:" + this.port + "/ws?access_token=" + token);
	}

	/** A client of a user with the OPERATOR role that has seen its welcome. */
	protected LiveClient operator() {
		LiveClient client = LiveClient.connect(wsUri(TOKENS.token("olivia", "OPERATOR")));
		client.awaitType("welcome");
		return client;
	}

	protected TestChannels channels() {
		return new TestChannels(Databases.CONFIG);
	}

	/** Publishes a batch on {@code <prefix>live}, as the collector does. */
	protected void publish(Sample... samples) {
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.publish(KEYS.live().getBytes(StandardCharsets.UTF_8), SampleBatchCodec.encode(List.of(samples)));
		}
	}

	/** Publishes each sample as a batch of its own, over one connection. */
	protected void publishEach(List<Sample> samples) {
		try (RedisConnection connection = this.redis.getConnection()) {
			byte[] channel = KEYS.live().getBytes(StandardCharsets.UTF_8);
			for (Sample sample : samples) {
				connection.publish(channel, SampleBatchCodec.encode(sample));
			}
		}
	}

	/** Stores a sample in {@code <prefix>latest}, as the collector does. */
	protected void storeLatest(Sample sample) {
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.hashCommands()
				.hSet(KEYS.latest().getBytes(StandardCharsets.UTF_8),
						Long.toString(sample.channelId()).getBytes(StandardCharsets.UTF_8),
						SampleBatchCodec.encode(sample));
		}
	}

	/** Publishes a config event, as the admin-api does after a commit. */
	protected void publishConfig(String json) {
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.publish(KEYS.config().getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
		}
	}

	/** Where test properties go: a {@link DynamicPropertyRegistry} or a plain map. */
	@FunctionalInterface
	protected interface PropertySink {

		void add(String name, java.util.function.Supplier<Object> value);

	}

	private static final class Databases {

		static final TestDatabase CONFIG = TestDatabases.createConfigDb();

	}

}
