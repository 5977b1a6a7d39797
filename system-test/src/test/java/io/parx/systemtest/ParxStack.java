package io.parx.systemtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.parx.bench.demo.DemoPlant;
import io.parx.bench.support.ServiceProcess;
import io.parx.db.test.TcpProxy;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;

/**
 * The whole product for the system test: the five services and the web gateway as
 * separate processes from their built jars, a configuration database on the shared
 * PostgreSQL, a TimescaleDB server of the test's own (so it can be restarted under the
 * services), the shared Redis behind a proxy the test can cut for the collector and the
 * storage engine, and the demo plant's Modbus, OPC UA and MQTT devices.
 */
final class ParxStack implements AutoCloseable {

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "system-test-admin-1";

	static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	/** In start order; the web gateway last, in front of the others. */
	private static final List<String> SERVICES = List.of("admin-api", "data-router", "collector", "storage-engine",
			"analytics-engine", "web");

	/**
	 * Small heaps, C1 only, serial GC: five JVMs and the test share two cores; start-up
	 * time matters more here than peak speed.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-XX:ActiveProcessorCount=2");

	/** Reach Redis through the proxy: the ones whose outage the test provokes. */
	private static final Set<String> BEHIND_PROXY = Set.of("collector", "storage-engine");

	private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

	/** Each service's environment, for a second instance of it. */
	private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();

	/** Second instances a test started ({@link #startAnother}), stopped with the rest. */
	private final List<ServiceProcess> others = new CopyOnWriteArrayList<>();

	private Path logs;

	private final OwnTimescaleDb timescale;

	private final TestDatabase tsDb;

	private final TcpProxy redisProxy;

	private final String redisPrefix;

	private final String mqttPrefix;

	private final Thread killer;

	private DemoPlant plant;

	private ParxStack(OwnTimescaleDb timescale, TestDatabase tsDb, TcpProxy redisProxy) {
		this.timescale = timescale;
		this.tsDb = tsDb;
		this.redisProxy = redisProxy;
		this.redisPrefix = TestServices.redisPrefix() + "system:";
		this.mqttPrefix = "parx-systest-" + TestServices.RUN_ID + "/";
		this.killer = new Thread(() -> {
			this.services.values().forEach(ServiceProcess::destroyNow);
			this.others.forEach(ServiceProcess::destroyNow);
			this.timescale.close();
		}, "system-test-kill");
	}

	/** Starts everything and waits until the five services are ready. */
	static ParxStack start() throws Exception {
		long started = System.nanoTime();
		TestServices.redis();
		TestServices.mosquitto();
		TestDatabase configDb = TestDatabases.createConfigDb();
		Path root = Path.of("..").toAbsolutePath().normalize();
		int[] ports = freePorts(9);
		OwnTimescaleDb timescale = OwnTimescaleDb.start(root, ports[7]);
		ParxStack stack = new ParxStack(timescale, TestDatabases.createTimeseriesDb(timescale.server()),
				new TcpProxy(TestServices.redis().host(), TestServices.redis().port()));
		Runtime.getRuntime().addShutdownHook(stack.killer);
		try {
			stack.startServices(root, configDb, ports);
		}
		catch (Exception | AssertionError ex) {
			stack.close();
			throw ex;
		}
		System.out.printf("system test: five services ready after %d s%n",
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
		return stack;
	}

	private void startServices(Path root, TestDatabase configDb, int[] ports) throws Exception {
		Path dir = Files.createTempDirectory("parx-system-test-");
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PARX_CONFIG_DB_URL", configDb.jdbcUrl());
		env.put("PARX_CONFIG_DB_USER", configDb.username());
		env.put("PARX_CONFIG_DB_PASSWORD", (configDb.password() != null) ? configDb.password() : "");
		env.put("PARX_TS_DB_URL", this.tsDb.jdbcUrl());
		env.put("PARX_TS_DB_USER", this.tsDb.username());
		env.put("PARX_TS_DB_PASSWORD", (this.tsDb.password() != null) ? this.tsDb.password() : "");
		env.put("PARX_REDIS_URL", TestServices.redis().url());
		env.put("PARX_REDIS_PREFIX", this.redisPrefix);
		env.put("PARX_JWKS_URL", "http://127.0.0.1:" + ports[0] + "/.well-known/jwks.json");
		env.put("PARX_COLLECTOR_URL", "http://127.0.0.1:" + ports[2]);
		env.put("PARX_ADMIN_USERNAME", ADMIN);
		env.put("PARX_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("PARX_ADMIN_API_URL", "http://127.0.0.1:" + ports[0]);
		env.put("PARX_DATA_ROUTER_URL", "http://127.0.0.1:" + ports[1]);
		env.put("PARX_STORAGE_ENGINE_URL", "http://127.0.0.1:" + ports[3]);
		env.put("PARX_ANALYTICS_ENGINE_URL", "http://127.0.0.1:" + ports[4]);
		for (int i = 0; i < SERVICES.size(); i++) {
			String name = SERVICES.get(i);
			Map<String, String> own = new LinkedHashMap<>(env);
			own.put("PARX_DATA_DIR", Files.createDirectories(dir.resolve(name)).toString());
			if (BEHIND_PROXY.contains(name)) {
				own.put("PARX_REDIS_URL", "redis://127.0.0.1:" + this.redisProxy.port());
			}
			int port = name.equals("web") ? ports[8] : ports[i];
			this.environments.put(name, own);
			this.services.put(name,
					new ServiceProcess(name, port, root.resolve(name).resolve("target").resolve(name + ".jar"),
							dir.resolve(name + ".log"), JVM_OPTIONS, own));
		}
		this.logs = dir;
		System.out.println("system test: logs in " + dir);
		for (ServiceProcess service : this.services.values()) {
			service.start();
		}
		this.plant = new DemoPlant(new DemoPlant.Settings(ports[5], "127.0.0.1", ports[6],
				TestServices.mosquitto().serverUri(), this.mqttPrefix, Duration.ofSeconds(15), Duration.ofMillis(200)));
		for (ServiceProcess service : this.services.values()) {
			service.awaitReady(START_TIMEOUT);
		}
	}

	ServiceProcess service(String name) {
		return this.services.get(name);
	}

	/**
	 * Starts a second instance of a service with the same environment (its own port and
	 * data folder) and waits until it is ready; the caller closes it, or the stack does.
	 */
	ServiceProcess startAnother(String name) throws Exception {
		String instance = name + "-" + (this.others.size() + 2);
		Map<String, String> env = new LinkedHashMap<>(this.environments.get(name));
		env.put("PARX_DATA_DIR", Files.createDirectories(this.logs.resolve(instance)).toString());
		ServiceProcess another = new ServiceProcess(name, freePorts(1)[0],
				Path.of("..").toAbsolutePath().normalize().resolve(name).resolve("target").resolve(name + ".jar"),
				this.logs.resolve(instance + ".log"), JVM_OPTIONS, env);
		this.others.add(another);
		another.start();
		another.awaitReady(START_TIMEOUT);
		return another;
	}

	/** Signs in at the admin-api; the access token. */
	String login(String username, String password) {
		Api.Response response = Api.post(url("admin-api", "/api/v1/auth/login"), null,
				Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + response);
		}
		return response.json().path("accessToken").asString();
	}

	/**
	 * Creates an engineer and an operator with one password, as the administrator; each
	 * test class names its own (the stack is shared).
	 */
	void createEngineerAndOperator(String engineer, String operator, String password) {
		String admin = login(ADMIN, ADMIN_PASSWORD);
		for (String[] user : List.of(new String[] { engineer, "ENGINEER" }, new String[] { operator, "OPERATOR" })) {
			Api.Response created = Api.post(url("admin-api", "/api/v1/users"), admin,
					Map.of("username", user[0], "password", password, "role", user[1]));
			if (created.status() != 201) {
				throw new IllegalStateException("creating " + user[0] + " failed: " + created);
			}
		}
	}

	/** {@code http://127.0.0.1:<port><path>} of a service. */
	String url(String service, String path) {
		return this.services.get(service).url() + path;
	}

	DemoPlant plant() {
		return this.plant;
	}

	OwnTimescaleDb timescale() {
		return this.timescale;
	}

	TcpProxy redisProxy() {
		return this.redisProxy;
	}

	String redisPrefix() {
		return this.redisPrefix;
	}

	String mqttPrefix() {
		return this.mqttPrefix;
	}

	/** A connection to the time-series database, for rows a test writes itself. */
	Connection timeseries() throws SQLException {
		return this.tsDb.connect();
	}

	/** The first column of the first row of a query on the time-series database. */
	long count(String sql) throws SQLException {
		long[] first = new long[1];
		query(sql, (rs) -> first[0] = rs.getLong(1));
		return first[0];
	}

	void query(String sql, RowHandler handler) throws SQLException {
		try (Connection connection = this.tsDb.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				handler.row(rs);
			}
		}
	}

	@Override
	public void close() {
		try {
			if (this.plant != null) {
				this.plant.close();
			}
		}
		finally {
			this.services.values().parallelStream().forEach(ServiceProcess::close);
			this.others.parallelStream().forEach(ServiceProcess::close);
			this.redisProxy.close();
			this.timescale.close();
			try {
				Runtime.getRuntime().removeShutdownHook(this.killer);
			}
			catch (IllegalStateException ex) {
				// shutting down already: the hook runs
			}
		}
	}

	private static int[] freePorts(int count) throws IOException {
		int[] ports = new int[count];
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
				ports[i] = socket.getLocalPort();
			}
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
		return ports;
	}

	@FunctionalInterface
	interface RowHandler {

		void row(ResultSet rs) throws SQLException;

	}

}
