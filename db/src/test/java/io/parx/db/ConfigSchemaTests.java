package io.parx.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The config migrations, applied the way admin-api and the runner apply them. */
class ConfigSchemaTests {

	@Test
	void configMigrationsApplyOnPostgres15AndASecondRunIsANoOp() throws SQLException {
		TestDatabase database = TestDatabases.createEmpty(TestServices.postgres());
		PGSimpleDataSource dataSource = dataSource(database);

		MigrateResult first = Migrations.config(dataSource);
		MigrateResult second = Migrations.config(dataSource);

		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isPositive();
		assertThat(second.migrationsExecuted).isZero();
		assertThat(tables(database)).contains("batch_definition", "channel", "derived_signal", "storage_rule",
				"storage_rule_channel");
		try (Connection connection = database.connect();
				ResultSet row = connection.createStatement()
					.executeQuery("select current_setting('server_version_num')::int")) {
			row.next();
			assertThat(row.getInt(1)).as("the config database runs on PostgreSQL 15").isBetween(150000, 159999);
		}
	}

	@Test
	void timeseriesMigrationsAreNotMixedIntoTheConfigDatabase() throws SQLException {
		TestDatabase database = TestDatabases.createConfigDb();

		assertThat(tables(database)).doesNotContain("samples", "batch");
	}

	static PGSimpleDataSource dataSource(TestDatabase database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.jdbcUrl());
		dataSource.setUser(database.username());
		dataSource.setPassword(database.password());
		return dataSource;
	}

	static List<String> tables(TestDatabase database) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = database.connect();
				ResultSet rows = connection.createStatement()
					.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
