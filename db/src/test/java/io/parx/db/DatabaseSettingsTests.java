package io.parx.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.parx.db.test.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reading database settings from the environment variables of docs/CONTRACTS.md
 * ("Environment variables").
 */
class DatabaseSettingsTests {

	@Test
	void defaultsAreThoseOfTheServices() {
		assertThat(DatabaseSettings.config(Map.of()))
			.isEqualTo(new DatabaseSettings("jdbc:postgresql://localhost:5432/parx_config", "parx", ""));
		assertThat(DatabaseSettings.timeseries(Map.of()))
			.isEqualTo(new DatabaseSettings("jdbc:postgresql://localhost:5432/parx_ts", "parx", ""));
	}

	@Test
	void environmentVariablesOverrideTheDefaultsAndBlankMeansDefault() {
		DatabaseSettings settings = DatabaseSettings.timeseries(Map.of("PARX_TS_DB_URL",
				"jdbc:postgresql://tsdb:5433/plant", "PARX_TS_DB_USER", "ops", "PARX_TS_DB_PASSWORD", " "));

		assertThat(settings).isEqualTo(new DatabaseSettings("jdbc:postgresql://tsdb:5433/plant", "ops", ""));
	}

	@Test
	void databaseNameIsReadFromEveryUrlForm() {
		assertThat(settings("jdbc:postgresql://db:5432/parx_ts").databaseName()).isEqualTo("parx_ts");
		assertThat(settings("jdbc:postgresql://a:5432,b:5432/parx_ts?targetServerType=primary").databaseName())
			.isEqualTo("parx_ts");
		assertThat(settings("jdbc:postgresql:parx_ts?ssl=true").databaseName()).isEqualTo("parx_ts");
		assertThat(settings("jdbc:postgresql://[::1]:5432/parx_ts").databaseName()).isEqualTo("parx_ts");
	}

	@Test
	void maintenanceDatabaseKeepsServerAndParameters() {
		assertThat(settings("jdbc:postgresql://a:5432,b:5432/parx_ts?sslmode=require").withDatabase("postgres").url())
			.isEqualTo("jdbc:postgresql://a:5432,b:5432/postgres?sslmode=require");
		assertThat(settings("jdbc:postgresql:parx_ts").withDatabase("postgres").url())
			.isEqualTo("jdbc:postgresql:postgres");
	}

	@Test
	void urlWithoutDatabaseOrOfAnotherDriverIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("jdbc:postgresql://db:5432").databaseName());
		assertThatIllegalArgumentException().isThrownBy(() -> settings("jdbc:mysql://db:3306/parx"));
	}

	@Test
	void passwordIsNotPrinted() {
		assertThat(new DatabaseSettings("jdbc:postgresql:parx", "parx", "secret"))
			.hasToString("DatabaseSettings[url=jdbc:postgresql:parx, username=parx, password=***]");
	}

	private static DatabaseSettings settings(String url) {
		return new DatabaseSettings(url, "parx", "");
	}

	static Connection connectToPostgres(TestDatabase database) throws SQLException {
		return DriverManager.getConnection(settings(database.jdbcUrl()).withDatabase("postgres").url(),
				database.username(), database.password());
	}

}
