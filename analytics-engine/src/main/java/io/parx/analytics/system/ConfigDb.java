package io.parx.analytics.system;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The config database (docs/CONTRACTS.md, "Databases"): channels, derived signals and the
 * audit trail.
 *
 * @param jdbc statements on the config database
 * @param transactions transactions on the config database (the primary transaction
 * manager is the time-series database's), so a change and its audit entry commit together
 */
public record ConfigDb(JdbcClient jdbc, TransactionTemplate transactions) {

	/** The config database behind a data source. */
	public static ConfigDb on(DataSource dataSource) {
		return new ConfigDb(JdbcClient.create(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
	}

}
