package io.parx.analytics.system;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.parx.common.audit.AuditTrail;

/**
 * Two databases, both configured explicitly: the time-series database
 * ({@code spring.datasource}, from {@code PARX_TS_DB_*}) is primary; the config database
 * ({@code parx.config-db}) is used through {@link ConfigDb} only. Neither is migrated
 * here (docs/CONTRACTS.md, "Databases": migrations belong to their owners).
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	@Bean
	@Primary
	HikariDataSource dataSource(DataSourceProperties properties) {
		HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		dataSource.setPoolName("timeseries");
		dataSource.setReadOnly(true);
		return dataSource;
	}

	@Bean
	HikariDataSource configDataSource(DatabaseSettings settings) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("config");
		dataSource.setJdbcUrl(settings.url());
		dataSource.setUsername(settings.username());
		dataSource.setPassword(settings.password());
		dataSource.setMaximumPoolSize(settings.maximumPoolSize());
		return dataSource;
	}

	@Bean
	@Primary
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new DataSourceTransactionManager(dataSource);
	}

	@Bean
	TimeseriesDb timeseriesDb(DataSource dataSource, PlatformTransactionManager transactionManager) {
		TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
		readOnly.setReadOnly(true);
		return new TimeseriesDb(new JdbcTemplate(dataSource), readOnly);
	}

	@Bean
	ConfigDb configDb(@Qualifier("configDataSource") DataSource configDataSource) {
		return ConfigDb.on(configDataSource);
	}

	/** Derived-signal changes are audited in the config database, like admin-api's. */
	@Bean
	AuditTrail auditTrail(ConfigDb configDb, JsonMapper json) {
		return new AuditTrail(configDb.jdbc(), json, Clock.systemUTC());
	}

}
