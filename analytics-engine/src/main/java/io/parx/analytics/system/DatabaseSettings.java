package io.parx.analytics.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The config database (channels, derived signals), read next to the time-series database
 * of {@code spring.datasource}. Environment: {@code PARX_CONFIG_DB_URL},
 * {@code PARX_CONFIG_DB_USER}, {@code PARX_CONFIG_DB_PASSWORD}.
 *
 * @param url JDBC URL of the config database
 * @param username database user
 * @param password database password
 * @param maximumPoolSize connections kept open to it; config reads are few and short
 */
@ConfigurationProperties("parx.config-db")
public record DatabaseSettings(@DefaultValue("jdbc:postgresql://localhost:5432/parx_config") String url,
		@DefaultValue("parx") String username, @DefaultValue("") String password,
		@DefaultValue("4") int maximumPoolSize) {

}
