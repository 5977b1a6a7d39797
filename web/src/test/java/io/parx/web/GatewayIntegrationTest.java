package io.parx.web;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the gateway's integration tests: ONE Spring context for the module (the gateway
 * on a random port, over HTTP) in front of real upstream servers on local ports, shared
 * by every test class. Don't add {@code @MockitoBean} or {@code @DirtiesContext} in
 * subclasses: they would fork the context.
 *
 * <p>
 * A test that stops an upstream (to see the gateway with a service down) starts it again
 * before it ends. Timeouts are short so that failures show quickly: 1 s for a response,
 * health checks cached for 200 ms.
 *
 * <p>
 * The app is the real Vite build in {@code target/classes/static}, made by the Maven
 * build before the tests ({@code generate-resources}); there is no stand-in, so the tests
 * serve what the jar will serve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

	protected static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

	protected static final Upstream ADMIN_API = Upstream.started("admin-api");

	protected static final Upstream DATA_ROUTER = Upstream.started("data-router");

	protected static final Upstream COLLECTOR = Upstream.started("collector");

	protected static final Upstream STORAGE_ENGINE = Upstream.started("storage-engine");

	protected static final Upstream ANALYTICS_ENGINE = Upstream.started("analytics-engine");

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("parx.web.upstream.admin-api", ADMIN_API::url);
		registry.add("parx.web.upstream.data-router", DATA_ROUTER::url);
		registry.add("parx.web.upstream.collector", COLLECTOR::url);
		registry.add("parx.web.upstream.storage-engine", STORAGE_ENGINE::url);
		registry.add("parx.web.upstream.analytics-engine", ANALYTICS_ENGINE::url);
		registry.add("parx.web.upstream.response-timeout", () -> RESPONSE_TIMEOUT.toMillis() + "ms");
		registry.add("parx.web.upstream.health.timeout", () -> "500ms");
		registry.add("parx.web.upstream.health.cache-for", () -> "200ms");
	}

	@BeforeAll
	static void theAppIsBuilt() {
		assertThat(new ClassPathResource("static/index.html").exists())
			.as("static/index.html is missing: build the app first (./mvnw -pl web generate-resources)")
			.isTrue();
	}

	/** A client of the gateway that waits longer than any timeout under test. */
	protected WebTestClient gateway() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	protected String wsUrl(String path) {
		return "ws://127.0.0.1:" + this.port + path;
	}

}
