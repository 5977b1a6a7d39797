package io.parx.storage.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The config database, read for storage rules, batch definitions and channel names
 * ({@code PARX_CONFIG_DB_*}).
 *
 * @param url JDBC URL
 * @param username user name
 * @param password password
 * @param maximumPoolSize connections kept; reads are rare (start-up and reloads)
 */
@ConfigurationProperties("parx.storage.config-db")
public record ConfigDbSettings(@DefaultValue("jdbc:postgresql://localhost:5432/parx_config") String url,
		@DefaultValue("parx") String username, @DefaultValue("") String password,
		@DefaultValue("2") int maximumPoolSize) {

}
