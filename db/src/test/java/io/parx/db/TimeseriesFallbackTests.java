package io.parx.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import io.parx.db.test.TimeseriesBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V1 on a TimescaleDB server where the migrating user may not create the extension: the
 * database must still become usable, in the plain PostgreSQL layout.
 */
class TimeseriesFallbackTests {

	@Test
	void userWithoutCreatePrivilegeOnTheDatabaseGetsThePlainLayoutInsteadOfAFailure() throws SQLException {
		// Trusted extensions need CREATE on the database; many managed servers deny it.
		TestDatabase database = TestDatabases.createEmpty(TimeseriesBackend.TIMESCALE);
		String role = "parx_test_" + TestServices.RUN_ID + "_nocreate";
		try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
			statement.execute("create role " + role + " login");
			statement.execute("grant usage, create on schema public to " + role);
		}
		try {
			TestDatabase restricted = new TestDatabase(database.jdbcUrl(), role, "", database.name());

			assertThat(Migrations.timeseries(ConfigSchemaTests.dataSource(restricted)).success).isTrue();

			try (Connection connection = restricted.connect()) {
				TimeseriesCapabilities capabilities = TimeseriesCapabilities.detect(connection);
				assertThat(capabilities.timescaleAvailable()).isTrue();
				assertThat(capabilities.timescaleInstalled()).isFalse();
				assertThat(connection.createStatement()
					.executeQuery("select 1 from pg_indexes where indexname = 'samples_time_brin'")
					.next()).isTrue();
			}
		}
		finally {
			try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
				statement.execute("drop owned by " + role);
				statement.execute("drop role " + role);
			}
		}
	}

}
