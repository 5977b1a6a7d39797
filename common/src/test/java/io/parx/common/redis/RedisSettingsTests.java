package io.parx.common.redis;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSettingsTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisSettingsAutoConfiguration.class));

	@Test
	void everyServiceGetsTheDefaultPrefixWithoutConfiguringIt() {
		this.contexts.run((context) -> assertThat(context.getBean(RedisSettings.class).keys().samples())
			.isEqualTo("parx:samples"));
	}

	@Test
	void thePrefixComesFromParxRedisPrefix() {
		this.contexts.withPropertyValues("parx.redis.prefix=plant2:")
			.run((context) -> assertThat(context.getBean(RedisSettings.class).keys().live()).isEqualTo("plant2:live"));
	}

	@Test
	void aPrefixWithWhitespaceStopsTheStart() {
		this.contexts.withPropertyValues("parx.redis.prefix=plant 2:")
			.run((context) -> assertThat(context).hasFailed());
	}

}
