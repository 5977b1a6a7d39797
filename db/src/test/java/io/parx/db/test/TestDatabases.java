package io.parx.db.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;

/**
 * Creates databases of a test run's own, named {@code parx_test_<run-id>_<n>}, migrated
 * like production and dropped when the JVM exits. Runs therefore never see each other's
 * data, even on a shared server.
 */
public final class TestDatabases {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final List<Runnable> DROPS = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			synchronized (DROPS) {
				DROPS.forEach(Runnable::run);
			}
		}, "drop-test-databases"));
	}

	private TestDatabases() {
	}

	/** A new config database on PostgreSQL with every config migration applied. */
	public static TestDatabase createConfigDb() {
		TestDatabase database = createEmpty(TestServices.postgres());
		migrate(database, "classpath:db/config");
		return database;
	}

	/**
	 * A new time-series database on the given backend with every time-series migration
	 * applied.
	 */
	public static TestDatabase createTimeseriesDb(TimeseriesBackend backend) {
		return createTimeseriesDb(backend.server());
	}

	/**
	 * A new time-series database on the given server with every time-series migration
	 * applied.
	 */
	public static TestDatabase createTimeseriesDb(TestServices.Postgres server) {
		TestDatabase database = createEmpty(server);
		migrate(database, "classpath:db/timeseries");
		return database;
	}

	public static TestDatabase createEmpty(TimeseriesBackend backend) {
		return createEmpty(backend.server());
	}

	public static TestDatabase createEmpty(TestServices.Postgres server) {
		String name = "parx_test_" + TestServices.RUN_ID + "_" + COUNTER.incrementAndGet();
		try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new AssertionError(
					"cannot create test database " + name + " on " + server.name() + ": " + ex.getMessage(), ex);
		}
		synchronized (DROPS) {
			DROPS.add(() -> drop(server, name));
		}
		return new TestDatabase(server.jdbcUrl(name), server.username(), server.password(), name);
	}

	private static void migrate(TestDatabase database, String location) {
		Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations(location)
			.load()
			.migrate();
	}

	private static void drop(TestServices.Postgres server, String name) {
		try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			// Best effort at exit: a leftover database is harmless and carries the run
			// id.
		}
	}

}
