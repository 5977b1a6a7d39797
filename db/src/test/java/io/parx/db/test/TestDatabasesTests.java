package io.parx.db.test;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabasesTests {

	@Test
	void configDatabaseIsCreatedMigratedAndNamedAfterTheRun() throws Exception {
		TestDatabase database = TestDatabases.createConfigDb();
		assertThat(database.name()).startsWith("parx_test_" + TestServices.RUN_ID + "_");
		try (Connection connection = database.connect();
				ResultSet rows = connection.createStatement()
					.executeQuery("select count(*) from information_schema.tables where table_name = 'channel'")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void twoDatabasesOfOneRunNeverShareAName() {
		assertThat(TestDatabases.createEmpty(TimeseriesBackend.POSTGRES).name())
			.isNotEqualTo(TestDatabases.createEmpty(TimeseriesBackend.POSTGRES).name());
	}

	@Test
	void redisPrefixCarriesTheRunId() {
		assertThat(TestServices.redisPrefix()).isEqualTo("parx-test-" + TestServices.RUN_ID + ":");
		assertThat(TestServices.redis().url()).startsWith("redis://");
	}

}
