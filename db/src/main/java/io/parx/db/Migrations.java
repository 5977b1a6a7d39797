package io.parx.db;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the ParX migrations. Services that own a database (admin-api: config; storage
 * engine: time series) and the {@link MigrationRunner} use these, so every path migrates
 * the same way. Both use Flyway's default history table {@code flyway_schema_history}, so
 * the config and time-series databases must be two databases (they are by default).
 */
public final class Migrations {

	/** Where the config database migrations live. */
	public static final String CONFIG_LOCATION = "classpath:db/config";

	/** Where the time-series database migrations live. */
	public static final String TIMESERIES_LOCATION = "classpath:db/timeseries";

	private Migrations() {
	}

	/** Brings the config database up to date. */
	public static MigrateResult config(DataSource dataSource) {
		return migrate(dataSource, CONFIG_LOCATION);
	}

	/**
	 * Brings the time-series database up to date; samples become a hypertable when
	 * TimescaleDB is available, a plain table with a BRIN index otherwise.
	 */
	public static MigrateResult timeseries(DataSource dataSource) {
		return migrate(dataSource, TIMESERIES_LOCATION);
	}

	private static MigrateResult migrate(DataSource dataSource, String location) {
		return Flyway.configure(Migrations.class.getClassLoader())
			.dataSource(dataSource)
			.locations(location)
			.load()
			.migrate();
	}

}
