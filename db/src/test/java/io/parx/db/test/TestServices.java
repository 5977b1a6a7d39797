package io.parx.db.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real services that integration tests talk to. By default the machine's own:
 * PostgreSQL 15 on 5432, TimescaleDB on 5433, Redis on 6379, Mosquitto on 1883 (override
 * with {@code PARX_TEST_PG_URL}, {@code PARX_TEST_TSDB_URL}, {@code PARX_TEST_REDIS_URL},
 * {@code PARX_TEST_MQTT_URI}). With {@code PARX_TEST_SERVICES=testcontainers} they are
 * started as containers instead, for contributors who have Docker.
 *
 * <p>
 * A service that does not answer fails the test with the command that starts it:
 * integration tests never skip.
 */
public final class TestServices {

	/**
	 * Identifies this test JVM: database names and Redis prefixes carry it so parallel
	 * runs never meet.
	 */
	public static final String RUN_ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private static final boolean CONTAINERS = "testcontainers"
		.equalsIgnoreCase(System.getenv().getOrDefault("PARX_TEST_SERVICES", "local"));

	private static Postgres postgres;

	private static Postgres timescale;

	private static Redis redis;

	private static Mosquitto mosquitto;

	private TestServices() {
	}

	/**
	 * PostgreSQL 15, used for the config database and as the plain-PostgreSQL time-series
	 * backend.
	 */
	public static synchronized Postgres postgres() {
		if (postgres == null) {
			postgres = CONTAINERS ? ContainerServices.postgres()
					: checkPostgres(env("PARX_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432"), "PostgreSQL 15",
							"pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
		}
		return postgres;
	}

	/** TimescaleDB (PostgreSQL 17 with the timescaledb extension preloaded). */
	public static synchronized Postgres timescale() {
		if (timescale == null) {
			timescale = CONTAINERS ? ContainerServices.timescale()
					: checkPostgres(env("PARX_TEST_TSDB_URL", "postgresql://postgres@127.0.0.1:5433"), "TimescaleDB",
							"scripts/timescaledb.sh start");
		}
		return timescale;
	}

	public static synchronized Redis redis() {
		if (redis == null) {
			if (CONTAINERS) {
				redis = ContainerServices.redis();
			}
			else {
				URI uri = URI.create(env("PARX_TEST_REDIS_URL", "redis://127.0.0.1:6379"));
				checkPort(uri.getHost(), uri.getPort(), "Redis",
						"redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no");
				redis = new Redis(uri.getHost(), uri.getPort());
			}
		}
		return redis;
	}

	public static synchronized Mosquitto mosquitto() {
		if (mosquitto == null) {
			if (CONTAINERS) {
				mosquitto = ContainerServices.mosquitto();
			}
			else {
				URI uri = URI.create(env("PARX_TEST_MQTT_URI", "tcp://127.0.0.1:1883"));
				checkPort(uri.getHost(), uri.getPort(), "Mosquitto", "mosquitto -d -c /etc/mosquitto/mosquitto.conf");
				mosquitto = new Mosquitto(uri.getHost(), uri.getPort());
			}
		}
		return mosquitto;
	}

	/** A Redis key prefix of this test JVM's own, e.g. {@code parx-test-1a2b3c4d:}. */
	public static String redisPrefix() {
		return "parx-test-" + RUN_ID + ":";
	}

	private static Postgres checkPostgres(String url, String name, String startCommand) {
		URI uri = URI.create(url);
		String user = uri.getUserInfo() != null ? uri.getUserInfo().split(":", 2)[0] : "postgres";
		String password = uri.getUserInfo() != null && uri.getUserInfo().contains(":")
				? uri.getUserInfo().split(":", 2)[1] : "";
		Postgres server = new Postgres(name, uri.getHost(), uri.getPort(), user, password);
		checkPort(server.host(), server.port(), name, startCommand);
		try (Connection connection = server.connect("postgres")) {
			connection.createStatement().execute("select 1");
		}
		catch (SQLException ex) {
			throw new AssertionError(name + " at " + server.host() + ":" + server.port() + " refused a connection as '"
					+ user + "': " + ex.getMessage() + ". Start it with: " + startCommand, ex);
		}
		return server;
	}

	private static void checkPort(String host, int port, String name, String startCommand) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2000);
		}
		catch (IOException ex) {
			throw new AssertionError(name + " is not reachable at " + host + ":" + port + " (" + ex.getMessage()
					+ "). Integration tests need it. Start it with: " + startCommand
					+ "  (or run .ci/run, which starts every service the tests need)", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** A PostgreSQL server (plain or with TimescaleDB). */
	public record Postgres(String name, String host, int port, String username, String password) {

		public String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

		public Connection connect(String database) throws SQLException {
			return DriverManager.getConnection(jdbcUrl(database), this.username, this.password);
		}

	}

	public record Redis(String host, int port) {

		public String url() {
			return "redis://" + this.host + ":" + this.port;
		}

	}

	public record Mosquitto(String host, int port) {

		/** For MQTT clients: {@code tcp://host:port}. */
		public String serverUri() {
			return "tcp://" + this.host + ":" + this.port;
		}

	}

}
