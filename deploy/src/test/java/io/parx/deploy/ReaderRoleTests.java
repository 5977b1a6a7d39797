package io.parx.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.parx.db.test.TestServices;
import io.parx.db.test.TestServices.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * deploy/grafana/reader-role.sql, run by psql as compose's grafana-db-reader does,
 * against the real TimescaleDB: Grafana's role reads the historian and cannot write it,
 * and no role is made without a password (issue #21).
 */
class ReaderRoleTests {

	private static final Postgres TIMESCALE = TestServices.timescale();

	private static final String DATABASE = "parx_reader_" + TestServices.RUN_ID;

	@BeforeAll
	static void historian() throws SQLException {
		try (Connection admin = TIMESCALE.connect("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("create database " + DATABASE);
			// the owner the script grants on behalf of, as in compose
			sql.execute("do $$ begin if not exists (select from pg_roles where rolname = 'parx') then "
					+ "create role parx; end if; end $$");
		}
		try (Connection historian = TIMESCALE.connect(DATABASE); Statement sql = historian.createStatement()) {
			sql.execute("create table samples (channel_id bigint, time timestamptz, value_num double precision)");
			sql.execute("insert into samples values (7, now(), 21.5)");
		}
	}

	@AfterAll
	static void dropIt() throws SQLException {
		try (Connection admin = TIMESCALE.connect("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("drop database if exists " + DATABASE + " with (force)");
			sql.execute("drop role if exists parx_grafana");
		}
	}

	@Test
	void grafanasRoleReadsTheSamplesButCannotWriteAndARerunOnlyUpdatesIt() throws Exception {
		runScript("a-grafana-reader-password").succeeded();
		// idempotent: compose runs it at every `up`
		runScript("another-password").succeeded();

		try (Connection reader = TIMESCALE.connect(DATABASE); Statement sql = reader.createStatement()) {
			sql.execute("set role parx_grafana");
			// a role's default_transaction_read_only applies at login, so it is set here
			// the way a login as parx_grafana gets it
			sql.execute("set default_transaction_read_only = on");
			try (var rows = sql.executeQuery("select value_num from samples where channel_id = 7")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getDouble(1)).isEqualTo(21.5);
			}
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql.execute("insert into samples values (8, now(), 1)"))
				.withMessageContaining("read-only transaction");
			// and without the read-only default, the missing privilege still refuses it
			sql.execute("set default_transaction_read_only = off");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql.execute("insert into samples values (8, now(), 1)"))
				.withMessageContaining("permission denied");
		}
		try (Connection admin = TIMESCALE.connect(DATABASE);
				Statement sql = admin.createStatement();
				var rows = sql.executeQuery("select rolconfig::text from pg_roles where rolname = 'parx_grafana'")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).contains("default_transaction_read_only=on");
		}
	}

	@Test
	void withoutAPasswordTheScriptFailsAndCreatesNothing() throws Exception {
		try (Connection admin = TIMESCALE.connect("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("drop role if exists parx_grafana");
		}
		Run run = runScript("");
		assertThat(run.exit()).isNotZero();
		assertThat(run.output()).contains("PARX_GRAFANA_DB_PASSWORD is empty");
		try (Connection admin = TIMESCALE.connect("postgres");
				Statement sql = admin.createStatement();
				var rows = sql.executeQuery("select count(*) from pg_roles where rolname = 'parx_grafana'")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
	}

	private static Run runScript(String password) throws IOException, InterruptedException {
		ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", TIMESCALE.host(),
				"-p", String.valueOf(TIMESCALE.port()), "-U", TIMESCALE.username(), "-d", DATABASE, "-f",
				Path.of("grafana/reader-role.sql").toString())
			.redirectErrorStream(true);
		psql.environment().put("PARX_GRAFANA_DB_PASSWORD", password);
		if (TIMESCALE.password() != null) {
			psql.environment().put("PGPASSWORD", TIMESCALE.password());
		}
		Process process = psql.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
		return new Run(process.exitValue(), output);
	}

	private record Run(int exit, String output) {

		void succeeded() {
			assertThat(this.exit).as(this.output).isZero();
		}

	}

}
