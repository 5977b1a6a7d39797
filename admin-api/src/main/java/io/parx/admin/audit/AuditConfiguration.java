package io.parx.admin.audit;

import java.time.Clock;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.parx.common.audit.AuditTrail;

/**
 * The audit trail writer of {@code common}, on the config database. Its JDBC insert joins
 * the JPA transaction of the change (the JPA transaction manager exposes its connection
 * to JDBC code on the same data source), so a change and its entry commit together.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditTrail auditTrail(DataSource dataSource, JsonMapper json, Clock clock) {
		return new AuditTrail(JdbcClient.create(dataSource), json, clock);
	}

}
