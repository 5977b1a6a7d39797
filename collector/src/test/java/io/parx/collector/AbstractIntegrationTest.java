package io.parx.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the collector's integration tests: a config database of the
 * run's own, the shared Redis under the run's own prefix, a JWKS served by
 * {@link TestTokens} and a fresh data directory (disk buffer, OPC UA PKI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractIntegrationTest {

	protected static final TestTokens TOKENS = Holder.TOKENS;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", Holder.CONFIG_DB::jdbcUrl);
		registry.add("spring.datasource.username", Holder.CONFIG_DB::username);
		registry.add("spring.datasource.password", Holder.CONFIG_DB::password);
		registry.add("spring.data.redis.url", () -> TestServices.redis().url());
		registry.add("parx.redis.prefix", TestServices::redisPrefix);
		registry.add("parx.security.jwks-url", TOKENS::jwksUrl);
		registry.add("parx.collector.buffer.directory", () -> Holder.DATA_DIR.resolve("buffer").toString());
		registry.add("PARX_DATA_DIR", () -> Holder.DATA_DIR.toString());
	}

	protected static TestDatabase configDb() {
		return Holder.CONFIG_DB;
	}

	/** Created once per JVM, on first use. */
	private static final class Holder {

		static final TestDatabase CONFIG_DB = TestDatabases.createConfigDb();

		static final TestTokens TOKENS = TestTokens.start();

		static final Path DATA_DIR;

		static {
			try {
				DATA_DIR = Files.createTempDirectory("parx-collector-data");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
