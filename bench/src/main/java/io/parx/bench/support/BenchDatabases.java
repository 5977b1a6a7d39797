package io.parx.bench.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.parx.db.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases of a benchmark's own on the shared servers (configuration on PostgreSQL 5432,
 * time series on TimescaleDB 5433; user postgres, trust authentication), migrated like
 * production and dropped at the end.
 */
public final class BenchDatabases {

	public static final String CONFIG_SERVER = Bench.env("PARX_BENCH_CONFIG", "jdbc:postgresql://127.0.0.1:5432/");

	public static final String TS_SERVER = Bench.env("PARX_BENCH_TS", "jdbc:postgresql://127.0.0.1:5433/");

	private BenchDatabases() {
	}

	/** A new configuration database with the config schema; returns its JDBC URL. */
	public static String createConfig(String name) throws SQLException {
		String url = create(CONFIG_SERVER, name);
		Migrations.config(dataSource(url));
		return url;
	}

	/** A new time-series database with the time-series schema; returns its JDBC URL. */
	public static String createTimeseries(String name) throws SQLException {
		String url = create(TS_SERVER, name);
		Migrations.timeseries(dataSource(url));
		return url;
	}

	public static void drop(String url) throws SQLException {
		String server = url.substring(0, url.lastIndexOf('/') + 1);
		String name = url.substring(url.lastIndexOf('/') + 1);
		try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
	}

	public static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, "postgres", "");
	}

	public static PGSimpleDataSource dataSource(String url) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser("postgres");
		return dataSource;
	}

	private static String create(String server, String name) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		return server + name;
	}

}
