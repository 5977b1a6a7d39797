package io.parx.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 removes the Modbus values the admin-api used to store as its own defaults
 * (timeoutMs 3000, maxGap 10, maxRegistersPerRequest 125 on register tables), so the
 * collector's settings apply to those channels; values a user chose stay (issue #18).
 */
class ModbusDefaultsMigrationTests {

	@Test
	void storedOldDefaultsAreRemovedAndChosenValuesKept() throws SQLException {
		TestDatabase database = TestDatabases.createEmpty(TestServices.postgres());
		FluentConfiguration flyway = Flyway.configure(Migrations.class.getClassLoader())
			.dataSource(ConfigSchemaTests.dataSource(database))
			.locations(Migrations.CONFIG_LOCATION);
		flyway.target(MigrationVersion.fromVersion("10")).load().migrate();
		try (Connection connection = database.connect()) {
			insert(connection, "old-defaults", "MODBUS_TCP", """
					{"host":"plc","registerType":"HOLDING_REGISTER","address":0,"timeoutMs":3000,"maxGap":10,
					 "maxRegistersPerRequest":125}""");
			insert(connection, "chosen", "MODBUS_TCP", """
					{"host":"plc","registerType":"HOLDING_REGISTER","address":1,"timeoutMs":700,"maxGap":40,
					 "maxRegistersPerRequest":60}""");
			insert(connection, "coil", "MODBUS_TCP", """
					{"host":"plc","registerType":"COIL","address":0,"timeoutMs":3000,"maxRegistersPerRequest":125}""");
			insert(connection, "not-modbus", "SIMULATOR", """
					{"waveform":"SINE","timeoutMs":3000}""");
		}

		flyway.target(MigrationVersion.LATEST).load().migrate();

		Map<String, String> settings = settings(database);
		assertThat(settings.get("old-defaults")).doesNotContain("timeoutMs", "maxGap", "maxRegistersPerRequest");
		assertThat(settings.get("chosen")).contains("\"timeoutMs\": 700", "\"maxGap\": 40",
				"\"maxRegistersPerRequest\": 60");
		// on coils 125 is below the protocol's 2000: removing it would make reads larger
		assertThat(settings.get("coil")).doesNotContain("timeoutMs").contains("\"maxRegistersPerRequest\": 125");
		assertThat(settings.get("not-modbus")).contains("timeoutMs");
	}

	private static void insert(Connection connection, String name, String protocol, String settings)
			throws SQLException {
		try (var insert = connection.prepareStatement(
				"insert into channel (name, data_type, protocol, settings) values (?, 'BOOL', ?, cast(? as jsonb))")) {
			insert.setString(1, name);
			insert.setString(2, protocol);
			insert.setString(3, settings);
			insert.executeUpdate();
		}
	}

	private static Map<String, String> settings(TestDatabase database) throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		try (Connection connection = database.connect();
				ResultSet rows = connection.createStatement()
					.executeQuery("select name, settings::text from channel")) {
			while (rows.next()) {
				settings.put(rows.getString(1), rows.getString(2));
			}
		}
		return settings;
	}

}
