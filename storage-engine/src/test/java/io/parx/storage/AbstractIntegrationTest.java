package io.parx.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.config.ConfigChanged;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import io.parx.db.test.TimeseriesBackend;
import io.parx.storage.rules.RuleCatalog;
import io.parx.storage.support.ConfigFixtures;
import io.parx.db.test.TcpProxy;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every integration test of the storage engine: a TimescaleDB
 * time-series database reached through a {@link TcpProxy} (so a test can cut it), a
 * config database, the shared Redis under this run's own prefix, and a JWKS of test keys.
 * Tests use channels of their own, so they never see each other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractIntegrationTest {

	protected static final RedisKeys KEYS = new RedisKeys(TestServices.redisPrefix() + "storage:");

	@Autowired
	protected RuleCatalog catalog;

	protected final ConfigFixtures config = new ConfigFixtures(Env.get().configDb);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Env env = Env.get();
		URI ts = URI.create(env.timeseriesDb.jdbcUrl().substring("jdbc:".length()));
		String proxied = "jdbc:postgresql://127.0.0.1:" + env.proxy.port() + ts.getPath()
				+ "?connectTimeout=2&socketTimeout=10";
		registry.add("spring.datasource.url", () -> proxied);
		registry.add("spring.datasource.username", env.timeseriesDb::username);
		registry.add("spring.datasource.password", env.timeseriesDb::password);
		registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
		registry.add("parx.storage.config-db.url", env.configDb::jdbcUrl);
		registry.add("parx.storage.config-db.username", env.configDb::username);
		registry.add("parx.storage.config-db.password", env.configDb::password);
		registry.add("spring.data.redis.url", () -> TestServices.redis().url());
		registry.add("parx.redis.prefix", KEYS::prefix);
		registry.add("parx.security.jwks-url", env.tokens::jwksUrl);
		registry.add("parx.storage.ingest.consumer-name", () -> "storage-test");
		registry.add("parx.storage.ingest.flush-interval", () -> "50ms");
		registry.add("parx.storage.ingest.block", () -> "50ms");
		registry.add("parx.storage.ingest.claim-idle", () -> "2s");
		registry.add("parx.storage.ingest.claim-interval", () -> "500ms");
		registry.add("parx.storage.ingest.max-attempts", () -> "2");
		registry.add("parx.storage.ingest.retry-backoff", () -> "100ms");
		registry.add("parx.storage.ingest.retry-backoff-max", () -> "500ms");
		registry.add("parx.storage.file.base-directory", env.csvDirectory::toString);
		registry.add("parx.storage.file.check-interval", () -> "200ms");
		registry.add("parx.storage.rules.resync-interval", () -> "1s");
		registry.add("parx.storage.webhooks.initial-backoff", () -> "300ms");
		registry.add("parx.storage.webhooks.max-backoff", () -> "2s");
		registry.add("parx.storage.webhooks.poll-interval", () -> "100ms");
	}

	@BeforeEach
	void waitForIngest() {
		await().until(() -> this.catalog.get() != null);
	}

	protected static TestTokens tokens() {
		return Env.get().tokens;
	}

	protected static TcpProxy proxy() {
		return Env.get().proxy;
	}

	protected static Path csvDirectory() {
		return Env.get().csvDirectory;
	}

	/** Publishes a config event and waits until the rules reflect it. */
	protected void reloadRules(int expectedRules) {
		publishConfig(new ConfigChanged(ConfigChanged.Entity.STORAGE_RULE, 1, ConfigChanged.Op.UPDATED, 1));
		await().until(() -> this.catalog.get().rules().size() >= expectedRules);
	}

	protected void reloadRules() {
		this.catalog.reload();
	}

	protected static void publishConfig(ConfigChanged event) {
		redis().sync()
			.publish(KEYS.config().getBytes(StandardCharsets.UTF_8), event.toJson().getBytes(StandardCharsets.UTF_8));
	}

	/** Appends one batch to the sample stream, as the collector does. */
	protected static String produce(List<Sample> samples) {
		return produceRaw(SampleBatchCodec.encode(samples));
	}

	protected static String produceRaw(byte[] payload) {
		return redis().sync()
			.xadd(KEYS.samples().getBytes(StandardCharsets.UTF_8),
					Map.of(RedisKeys.BATCH_FIELD.getBytes(StandardCharsets.UTF_8), payload));
	}

	protected static StatefulRedisConnection<byte[], byte[]> redis() {
		return Env.get().redis;
	}

	protected static long queryLong(String sql) {
		try (Connection connection = Env.get().timeseriesDb.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static List<String> queryRows(String sql) {
		try (Connection connection = Env.get().timeseriesDb.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> rows = new java.util.ArrayList<>();
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= columns; c++) {
					row.append((c > 1) ? " " : "").append(rs.getString(c));
				}
				rows.add(row.toString());
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Created once per JVM: the databases, the proxy, Redis and the token issuer. */
	private static final class Env {

		private static Env instance;

		final TestDatabase timeseriesDb = TestDatabases.createTimeseriesDb(TimeseriesBackend.TIMESCALE);

		final TestDatabase configDb = TestDatabases.createConfigDb();

		final TcpProxy proxy;

		final TestTokens tokens = TestTokens.start();

		final StatefulRedisConnection<byte[], byte[]> redis = RedisClient.create(TestServices.redis().url())
			.connect(ByteArrayCodec.INSTANCE);

		final Path csvDirectory;

		private Env() {
			try {
				URI ts = URI.create(this.timeseriesDb.jdbcUrl().substring("jdbc:".length()));
				this.proxy = new TcpProxy(ts.getHost(), ts.getPort());
				this.csvDirectory = Files.createTempDirectory("parx-storage-csv");
				// Leave nothing behind in the shared Redis.
				Runtime.getRuntime()
					.addShutdownHook(new Thread(() -> this.redis.sync()
						.del(KEYS.samples().getBytes(StandardCharsets.UTF_8),
								KEYS.samplesQuarantine().getBytes(StandardCharsets.UTF_8),
								KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static synchronized Env get() {
			if (instance == null) {
				instance = new Env();
			}
			return instance;
		}

	}

}
