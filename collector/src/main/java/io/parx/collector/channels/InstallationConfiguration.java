package io.parx.collector.channels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.parx.common.config.Installation;

/**
 * This installation's identity from the config database, read when first needed (the MQTT
 * engine derives its default client ids from it).
 */
@Configuration(proxyBeanMethods = false)
class InstallationConfiguration {

	@Bean
	Installation installation(JdbcTemplate configDb) {
		return Installation.of(configDb);
	}

}
