package io.parx.analytics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.parx.common.security.TestTokens;
import io.parx.db.test.TestServices;
import io.parx.db.test.TimeseriesBackend;

/**
 * Base of every analytics-engine integration test: ONE Spring context for the module, on
 * the generated history of {@link HistoryFixture} in TimescaleDB (port 5433) plus its
 * config database, a Redis prefix of its own and a test JWKS. Don't add
 * {@code @MockitoBean} or {@code @DirtiesContext} in subclasses: they would fork the
 * context. Plain PostgreSQL is covered by the backend-parameterised tests of the query,
 * statistics and derived packages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class AbstractIntegrationTest {

	protected static final TestTokens TOKENS = TestTokens.start();

	@Autowired
	protected MockMvc mvc;

	@LocalServerPort
	protected int port;

	protected static HistoryFixture fixture() {
		return HistoryFixture.on(TimeseriesBackend.TIMESCALE);
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		HistoryFixture fixture = fixture();
		registry.add("spring.datasource.url", fixture.timeseriesDatabase::jdbcUrl);
		registry.add("spring.datasource.username", fixture.timeseriesDatabase::username);
		registry.add("spring.datasource.password", fixture.timeseriesDatabase::password);
		registry.add("parx.config-db.url", fixture.configDatabase::jdbcUrl);
		registry.add("parx.config-db.username", fixture.configDatabase::username);
		registry.add("parx.config-db.password", fixture.configDatabase::password);
		registry.add("spring.data.redis.url", () -> TestServices.redis().url());
		registry.add("parx.redis.prefix", TestServices::redisPrefix);
		registry.add("parx.security.jwks-url", TOKENS::jwksUrl);
	}

	protected static String token(String role) {
		return TOKENS.token(role.toLowerCase() + "-user", role);
	}

	protected static RequestPostProcessor as(String role) {
		String token = token(role);
		return (request) -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return request;
		};
	}

}
