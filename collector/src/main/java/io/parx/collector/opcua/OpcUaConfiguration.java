package io.parx.collector.opcua;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.parx.common.audit.AuditTrail;

/**
 * The OPC UA PKI bean: in {@code parx.collector.opcua.pki-dir}, else in
 * {@code $PARX_DATA_DIR/opcua/pki} (docs/CONTRACTS.md, "Environment variables": local
 * state lives in PARX_DATA_DIR); and the audit trail of trust decisions, in the config
 * database like admin-api's.
 */
@Configuration(proxyBeanMethods = false)
class OpcUaConfiguration {

	@Bean
	OpcUaPki opcUaPki(OpcUaSettings settings, Environment environment) {
		String dataDir = environment.getProperty("PARX_DATA_DIR", "./data");
		return OpcUaPki.of(settings, Path.of(dataDir, "opcua", "pki"));
	}

	@Bean
	AuditTrail auditTrail(DataSource dataSource, JsonMapper json) {
		return new AuditTrail(JdbcClient.create(dataSource), json, Clock.systemUTC());
	}

}
