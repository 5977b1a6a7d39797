package io.parx.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' runner: it must work against a fresh server, where the ParX databases do
 * not exist yet.
 */
class MigrationRunnerTests {

	private static final List<Runnable> CLEANUP = new ArrayList<>();

	@AfterAll
	static void dropCreatedDatabases() {
		CLEANUP.forEach(Runnable::run);
	}

	@Test
	void allCreatesBothMissingDatabasesAndMigratesThem() throws SQLException {
		TestDatabase config = missingDatabase(TestServices.postgres(), "runner_config");
		TestDatabase timeseries = missingDatabase(TestServices.timescale(), "runner_ts");
		MigrationRunner runner = new MigrationRunner(env(config, timeseries));

		assertThat(runner.run("all")).isZero();

		assertThat(ConfigSchemaTests.tables(config)).contains("channel", "storage_rule", "flyway_schema_history");
		assertThat(ConfigSchemaTests.tables(timeseries)).contains("samples", "batch", "flyway_schema_history");
		try (Connection connection = timeseries.connect()) {
			assertThat(TimeseriesCapabilities.detect(connection).timescaleInstalled()).isTrue();
		}
		assertThat(runner.run("all")).as("a second run finds nothing to do and succeeds").isZero();
	}

	@Test
	void timeseriesTargetLeavesTheConfigDatabaseAlone() throws SQLException {
		TestDatabase config = missingDatabase(TestServices.postgres(), "runner_unused");
		TestDatabase timeseries = missingDatabase(TestServices.postgres(), "runner_ts_pg");
		MigrationRunner runner = new MigrationRunner(env(config, timeseries));

		assertThat(runner.run("TIMESERIES")).isZero();

		assertThat(ConfigSchemaTests.tables(timeseries)).contains("samples", "batch");
		assertThat(exists(config)).isFalse();
	}

	@Test
	void unknownTargetIsAUsageError() {
		MigrationRunner runner = new MigrationRunner(Map.of());

		assertThat(runner.run("everything")).isEqualTo(2);
		assertThat(runner.run()).isEqualTo(2);
	}

	@Test
	void unreachableServerFailsWithExitCodeOne() {
		// Port 1 is never a PostgreSQL server: the runner reports and exits non-zero.
		MigrationRunner runner = new MigrationRunner(
				Map.of("PARX_CONFIG_DB_URL", "jdbc:postgresql://127.0.0.1:1/parx_config?connectTimeout=2"));

		assertThat(runner.run("config")).isEqualTo(1);
	}

	@Test
	void databaseNamesAreQuotedAsIdentifiers() {
		assertThat(MigrationRunner.quoteIdentifier("parx_ts")).isEqualTo("\"parx_ts\"");
		assertThat(MigrationRunner.quoteIdentifier("a\"b; drop")).isEqualTo("\"a\"\"b; drop\"");
	}

	private static Map<String, String> env(TestDatabase config, TestDatabase timeseries) {
		return Map.of("PARX_CONFIG_DB_URL", config.jdbcUrl(), "PARX_CONFIG_DB_USER", config.username(),
				"PARX_CONFIG_DB_PASSWORD", config.password(), "PARX_TS_DB_URL", timeseries.jdbcUrl(), "PARX_TS_DB_USER",
				timeseries.username(), "PARX_TS_DB_PASSWORD", timeseries.password());
	}

	/** A database name of this run that does not exist yet, dropped after the class. */
	private static TestDatabase missingDatabase(TestServices.Postgres server, String purpose) {
		String name = "parx_test_" + TestServices.RUN_ID + "_" + purpose;
		TestDatabase database = new TestDatabase(server.jdbcUrl(name), server.username(), server.password(), name);
		CLEANUP.add(() -> {
			try (Connection connection = server.connect("postgres");
					Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
			catch (SQLException ex) {
				// Best effort: a leftover carries the run id and harms no other run.
			}
		});
		return database;
	}

	private static boolean exists(TestDatabase database) throws SQLException {
		try (Connection connection = DatabaseSettingsTests.connectToPostgres(database);
				Statement statement = connection.createStatement()) {
			return statement.executeQuery("select 1 from pg_database where datname = '" + database.name() + "'").next();
		}
	}

}
