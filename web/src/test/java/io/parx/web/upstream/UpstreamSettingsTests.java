package io.parx.web.upstream;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code parx.web.upstream.*}: a wrong URL or timeout stops the gateway at
 * start-up with a message naming it, instead of failing on the first request.
 */
class UpstreamSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class)
		.withPropertyValues("parx.web.upstream.admin-api=http://admin-api:3000",
				"parx.web.upstream.data-router=http://data-router:3001",
				"parx.web.upstream.collector=http://collector:3002",
				"parx.web.upstream.storage-engine=http://storage-engine:3003",
				"parx.web.upstream.analytics-engine=https://analytics.plant.example");

	@Test
	void timeoutsDefaultToAShortConnectAndAResponseLongEnoughForExports() {
		this.runner.run((context) -> {
			UpstreamSettings settings = context.getBean(UpstreamSettings.class);
			assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(120));
			assertThat(settings.health().cacheFor()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.byName()).containsEntry("analytics-engine",
					URI.create("https://analytics.plant.example"));
		});
	}

	@Test
	void aUrlThatIsNotHttpIsRefused() {
		this.runner.withPropertyValues("parx.web.upstream.collector=collector:3002")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("collector URL must be an absolute http:// or https:// URL"));
	}

	@Test
	void aMissingUrlIsRefused() {
		this.runner.withPropertyValues("parx.web.upstream.admin-api=")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("adminApi"));
	}

	@Test
	void aZeroResponseTimeoutIsRefused() {
		this.runner.withPropertyValues("parx.web.upstream.response-timeout=0s")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("responseTimeout"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UpstreamSettings.class)
	static class Settings {

	}

}
