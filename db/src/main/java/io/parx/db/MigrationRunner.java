package io.parx.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the ParX databases without starting a service, for operators:
 *
 * <pre>
 * java -cp 'parx-db.jar:lib/*' io.parx.db.MigrationRunner config|timeseries|all
 * </pre>
 *
 * (or {@code scripts/migrate.sh}). The databases come from the environment variables of
 * docs/CONTRACTS.md ("Environment variables": {@code PARX_CONFIG_DB_*},
 * {@code PARX_TS_DB_*}); a database that does not exist yet is created first, through the
 * {@code postgres} database of the same server. Exits 0 on success, 1 when a migration
 * fails, 2 on a usage error.
 */
public final class MigrationRunner {

	static {
		// Before the first logger: a concise console log instead of Logback's DEBUG
		// default, without shipping a logback.xml that would configure every service.
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "io/parx/db/migration-runner-logback.xml");
		}
	}

	private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final String INVALID_CATALOG_NAME = "3D000";

	private final Map<String, String> env;

	MigrationRunner(Map<String, String> env) {
		this.env = env;
	}

	public static void main(String[] args) {
		System.exit(new MigrationRunner(System.getenv()).run(args));
	}

	/** Runs the command line and returns the process exit code. */
	int run(String... args) {
		if (args.length != 1 || !List.of("config", "timeseries", "all").contains(args[0].toLowerCase(Locale.ROOT))) {
			System.err.println("usage: MigrationRunner config|timeseries|all");
			return 2;
		}
		String target = args[0].toLowerCase(Locale.ROOT);
		try {
			if (!target.equals("timeseries")) {
				migrateConfig();
			}
			if (!target.equals("config")) {
				migrateTimeseries();
			}
			return 0;
		}
		catch (RuntimeException | SQLException ex) {
			log.error("migration failed: {}", ex.getMessage());
			log.debug("migration failure", ex);
			return 1;
		}
	}

	MigrateResult migrateConfig() throws SQLException {
		DatabaseSettings settings = DatabaseSettings.config(this.env);
		DataSource dataSource = prepare(settings);
		return report("config", settings, Migrations.config(dataSource));
	}

	MigrateResult migrateTimeseries() throws SQLException {
		DatabaseSettings settings = DatabaseSettings.timeseries(this.env);
		DataSource dataSource = prepare(settings);
		MigrateResult result = report("time-series", settings, Migrations.timeseries(dataSource));
		log.info(TimeseriesCapabilities.detect(dataSource).describe());
		return result;
	}

	private static MigrateResult report(String name, DatabaseSettings settings, MigrateResult result) {
		log.info("{} database {}: {} migration(s) applied, schema version {}", name, settings.url(),
				result.migrationsExecuted,
				(result.targetSchemaVersion != null) ? result.targetSchemaVersion : result.initialSchemaVersion);
		return result;
	}

	private static DataSource prepare(DatabaseSettings settings) throws SQLException {
		createIfMissing(settings);
		return dataSource(settings);
	}

	/**
	 * Creates the database of the settings unless it exists. Tries the target first, so a
	 * user without access to {@code postgres} can still migrate an existing database.
	 */
	static void createIfMissing(DatabaseSettings settings) throws SQLException {
		try (Connection connection = dataSource(settings).getConnection()) {
			return;
		}
		catch (SQLException ex) {
			if (!INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
				throw ex;
			}
		}
		String name = settings.databaseName();
		try (Connection connection = dataSource(settings.withDatabase("postgres")).getConnection()) {
			if (exists(connection, name)) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("create database " + quoteIdentifier(name));
				log.info("created database {}", name);
			}
		}
		catch (SQLException ex) {
			// Another runner or service may have created it meanwhile.
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new SQLException("cannot create database " + name + ": " + ex.getMessage(), ex.getSQLState(), ex);
			}
		}
	}

	private static boolean exists(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			statement.setString(1, name);
			try (ResultSet row = statement.executeQuery()) {
				return row.next();
			}
		}
	}

	static String quoteIdentifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static DataSource dataSource(DatabaseSettings settings) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(settings.url());
		dataSource.setUser(settings.username());
		dataSource.setPassword(settings.password());
		return dataSource;
	}

}
