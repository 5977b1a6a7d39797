package io.parx.bench.latency;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parx.bench.router.BenchClient;
import io.parx.bench.router.BenchTokens;
import io.parx.bench.router.DashboardClients;
import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.ServiceProcess;

/**
 * Device-to-browser latency (issue 8): simulated MQTT gateways publish on the local
 * broker, the real collector, data-router and storage-engine jars run as separate
 * processes on the same machine (configuration on PostgreSQL 5432, history on TimescaleDB
 * 5433, Redis, the broker), and dashboard WebSocket clients receive the values. Latency
 * is the client's receipt time minus the change time the device wrote into the payload
 * (one machine, one clock).
 *
 * <p>
 * Defaults: 10 gateways x 100 tags at 10 Hz (10,000 points/s, one JSON record per gateway
 * and update, read by its 100 channels; {@code --payload tag}: 10,000 messages/s of one
 * tag each), 10 dashboards of 100 random channels each ({@code --per-client 1000}
 * subscribes every dashboard to every channel), 15 s warm-up, 30 s measured. The measured
 * samples are those whose device time falls in the window; the run keeps producing until
 * they have arrived (or {@code --drain} seconds passed), so "lost" is exact: samples the
 * devices produced in the window for a subscribed channel that no dashboard had received
 * by then. With one message per tag, Mosquitto's default flow control towards one
 * subscriber (20 messages in flight, 1,000 queued) drops messages once the collector
 * falls behind; the broker logs "Outgoing messages are being dropped". The same window is
 * counted in Redis's live channel by a tap beside the router (device -&gt; Redis hop) and
 * in the time-series database (every sample stored).
 *
 * <pre>
 * ./mvnw -B -o -pl collector,data-router,storage-engine -am package -DskipTests
 * ./mvnw -q -B -o -pl bench -am package dependency:build-classpath -DskipTests \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 * java -cp "bench/target/classes:$(cat bench/target/cp.txt)" io.parx.bench.latency.DeviceToBrowserLatencyBench \
 *     [--warmup 15] [--duration 30] [--drain 15] [--gateways 10] [--tags 100] [--rate 10] [--payload record|tag] \
 *     [--clients 10] [--per-client 100] [--client-threads 1] [--heap 512m]
 * </pre>
 *
 * Run from the repository root with PostgreSQL (5432), TimescaleDB (5433), Redis (6379)
 * and Mosquitto (1883) up. Creates and drops the databases {@code parx_bench_e2e_<run>}
 * and {@code parx_bench_e2e_ts_<run>}; uses the Redis prefix {@code parx-bench-<run>:}
 * (deleted at the end) and the topics {@code parx-bench-<run>/gw<nn>}.
 */
public final class DeviceToBrowserLatencyBench {

	private DeviceToBrowserLatencyBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		int gateways = Integer.parseInt(options.getOrDefault("gateways", "10"));
		int tags = Integer.parseInt(options.getOrDefault("tags", "100"));
		int rate = Integer.parseInt(options.getOrDefault("rate", "10"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "10"));
		int perClient = Integer.parseInt(options.getOrDefault("per-client", "100"));
		int clientThreads = Integer.parseInt(options.getOrDefault("client-threads", "1"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
		int drain = Integer.parseInt(options.getOrDefault("drain", "15"));
		String heap = options.getOrDefault("heap", "512m");
		URI broker = URI.create(options.getOrDefault("broker", "tcp://127.0.0.1:1883"));
		String redis = options.getOrDefault("redis", "redis://127.0.0.1:6379");

		String run = HexFormat.of().toHexDigits(new Random().nextInt());
		String prefix = "parx-bench-" + run + ":";
		boolean perTag = switch (options.getOrDefault("payload", "record")) {
			case "record" -> false;
			case "tag" -> true;
			default -> throw new IllegalArgumentException("--payload is record or tag");
		};
		GatewayPlant plant = new GatewayPlant(gateways, tags, "parx-bench-" + run + "/", broker.toString(),
				"parx-bench-" + run, perTag);
		perClient = Math.min(perClient, plant.channels());
		System.out.printf("# machine load average %s%n", Bench.loadAverage());
		System.out.printf(Locale.ROOT,
				"# device to browser: %d MQTT gateways x %d tags at %d Hz (%d points/s, %s), %d dashboards x %d"
						+ " channels, warm-up %d s, measured %d s, heap %s per service%n",
				gateways, tags, rate, gateways * tags * rate, perTag ? "one message per tag" : "one record per gateway",
				clients, perClient, warmup, duration, heap);

		String config = BenchDatabases.createConfig("parx_bench_e2e_" + run);
		String timeseries = null;
		List<ServiceProcess> services = new ArrayList<>();
		List<AutoCloseable> resources = new ArrayList<>();
		boolean failed = false;
		Path dataDir = Files.createTempDirectory("parx-bench-e2e-");
		try {
			timeseries = BenchDatabases.createTimeseries("parx_bench_e2e_ts_" + run);
			plant.configure(config);
			BenchTokens tokens = new BenchTokens();
			resources.add(tokens);

			Map<String, String> env = new LinkedHashMap<>();
			env.put("PARX_CONFIG_DB_URL", config);
			env.put("PARX_CONFIG_DB_USER", "postgres");
			env.put("PARX_REDIS_URL", redis);
			env.put("PARX_REDIS_PREFIX", prefix);
			env.put("PARX_JWKS_URL", tokens.jwksUrl());
			Map<String, String> collectorEnv = new LinkedHashMap<>(env);
			collectorEnv.put("PARX_DATA_DIR", dataDir.resolve("collector").toString());
			Map<String, String> storageEnv = new LinkedHashMap<>(env);
			storageEnv.put("PARX_DATA_DIR", dataDir.resolve("storage").toString());
			storageEnv.put("PARX_TS_DB_URL", timeseries);
			storageEnv.put("PARX_TS_DB_USER", "postgres");
			// The broker forgets the collector's session soon after the run.
			ServiceProcess collector = ServiceProcess.start("collector", heap, collectorEnv,
					"--parx.collector.mqtt.session-expiry=60s");
			services.add(collector);
			ServiceProcess router = ServiceProcess.start("data-router", heap, env);
			services.add(router);
			ServiceProcess storage = ServiceProcess.start("storage-engine", heap, storageEnv);
			services.add(storage);
			for (ServiceProcess service : services) {
				service.awaitReady(Duration.ofMinutes(3));
			}
			String admin = tokens.token("bench-admin", "ADMIN");
			awaitMqttConnected(collector, admin);

			LiveTap tap = new LiveTap(redis, prefix + "live");
			resources.add(tap);
			List<List<Long>> subscriptions = subscriptions(clients, perClient, plant.channels());
			BenchClient.Counters counters = new BenchClient.Counters();
			DashboardClients dashboards = DashboardClients.connect(router.port(), tokens.token("bench", "OPERATOR"),
					subscriptions, clientThreads, counters);
			resources.add(dashboards);
			MqttGateways devices = new MqttGateways(plant, broker, run, rate,
					deliveriesPerRecord(plant, subscriptions));
			resources.add(devices);
			devices.start();

			Thread.sleep(Duration.ofSeconds(warmup));
			long from = micros(Instant.now());
			long to = from + duration * 1_000_000L;
			devices.window(from, to);
			counters.window().open(from, to);
			tap.window().open(from, to);
			String loadStart = Bench.loadAverage();
			Map<String, Double> cpuBefore = cpu(services);
			long started = System.nanoTime();
			Thread.sleep(Duration.ofMillis((to - micros(Instant.now())) / 1000 + 1));
			double seconds = (System.nanoTime() - started) / 1e9;
			Map<String, Double> cpuAfter = cpu(services);
			String loadEnd = Bench.loadAverage();

			// Devices go on producing until the window's samples have arrived, so the
			// tail
			// of the window sees the same load as the rest.
			long expected = devices.windowDeliveries();
			awaitCount(counters.window()::samples, expected, Duration.ofSeconds(drain));
			devices.stop();
			long storedExpected = devices.windowRecords() * tags;
			String ts = timeseries;
			long stored = awaitCount(() -> stored(ts, from, to), storedExpected, Duration.ofSeconds(60));

			Map<String, Double> cpuPercent = new LinkedHashMap<>();
			cpuBefore.forEach((name, before) -> cpuPercent.put(name, 100 * (cpuAfter.get(name) - before) / seconds));
			LatencyReport report = new LatencyReport(plant, rate, clients, perClient, seconds, counters, expected,
					tap.window(), devices.windowRecords() * tags, stored, devices.failed(),
					router.get("/actuator/prometheus", admin), collector.get("/actuator/prometheus", admin), cpuPercent,
					loadStart, loadEnd);
			report.print();
			if (!report.passed()) {
				failed = true;
			}
		}
		finally {
			for (AutoCloseable resource : resources.reversed()) {
				closeQuietly(resource);
			}
			for (ServiceProcess service : services) {
				closeQuietly(service);
			}
			BenchDatabases.drop(config);
			if (timeseries != null) {
				BenchDatabases.drop(timeseries);
			}
			deleteKeys(redis, prefix);
			deleteTree(dataDir);
		}
		System.exit(failed ? 1 : 0);
	}

	/**
	 * Every client its own random share of the channels (all of them when it asks for
	 * all).
	 */
	static List<List<Long>> subscriptions(int clients, int perClient, int channels) {
		Random random = new Random(42);
		List<List<Long>> subscriptions = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			subscriptions.add(random.longs(1, channels + 1).distinct().limit(perClient).sorted().boxed().toList());
		}
		return subscriptions;
	}

	/** Per gateway: how many samples the dashboards together receive from one record. */
	private static long[] deliveriesPerRecord(GatewayPlant plant, List<List<Long>> subscriptions) {
		long[] perGateway = new long[plant.gateways()];
		for (List<Long> channels : subscriptions) {
			for (long id : channels) {
				perGateway[(int) ((id - 1) / plant.tags())]++;
			}
		}
		return perGateway;
	}

	/**
	 * The collector's MQTT connection must be up before devices start, or the first
	 * records reach no subscriber.
	 */
	private static void awaitMqttConnected(ServiceProcess collector, String token) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!collector.get("/api/v1/collector/status", token).contains("\"state\":\"CONNECTED\"")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"the collector did not connect to the broker; last lines:\n" + collector.tail(40));
			}
			Thread.sleep(250);
		}
	}

	/**
	 * Waits until {@code count} reaches {@code expected} or stops growing for 3 seconds,
	 * at most {@code timeout}; returns the last count.
	 */
	private static long awaitCount(Callable<Long> count, long expected, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		long last = -1;
		long lastChange = System.nanoTime();
		while (true) {
			long now = count.call();
			if (now != last) {
				last = now;
				lastChange = System.nanoTime();
			}
			if (now >= expected || System.nanoTime() > deadline
					|| System.nanoTime() - lastChange > Duration.ofSeconds(3).toNanos()) {
				return now;
			}
			Thread.sleep(250);
		}
	}

	private static long stored(String timeseries, long from, long to) throws Exception {
		try (Connection connection = BenchDatabases.connect(timeseries);
				PreparedStatement count = connection
					.prepareStatement("select count(*) from samples where time >= ? and time < ?")) {
			count.setObject(1, java.time.OffsetDateTime.ofInstant(instant(from), java.time.ZoneOffset.UTC));
			count.setObject(2, java.time.OffsetDateTime.ofInstant(instant(to), java.time.ZoneOffset.UTC));
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/**
	 * CPU seconds so far of each service, of this JVM (devices and dashboards) and of the
	 * shared servers.
	 */
	private static Map<String, Double> cpu(List<ServiceProcess> services) {
		Map<String, Double> cpu = new LinkedHashMap<>();
		for (ServiceProcess service : services) {
			cpu.put(service.module(), service.cpuSeconds());
		}
		cpu.put("bench",
				ProcessHandle.current()
					.info()
					.totalCpuDuration()
					.map((duration) -> duration.toNanos() / 1e9)
					.orElse(Double.NaN));
		cpu.put("mosquitto", ProcessMetrics.cpuSeconds("mosquitto"));
		cpu.put("redis", ProcessMetrics.cpuSeconds("redis-server"));
		return cpu;
	}

	private static void deleteKeys(String redis, String prefix) {
		RedisClient client = RedisClient.create(redis);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> keys = connection.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*"));
				if (!keys.getKeys().isEmpty()) {
					connection.sync().unlink(keys.getKeys().toArray(String[]::new));
				}
				cursor = keys;
			}
			while (!cursor.isFinished());
		}
		catch (RuntimeException ex) {
			System.out.println("# could not delete the Redis keys " + prefix + "*: " + ex);
		}
		finally {
			client.shutdown();
		}
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (java.io.IOException ex) {
			System.out.println("# could not delete " + root + ": " + ex);
		}
	}

	private static void closeQuietly(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			System.out.println("# closing " + resource + " failed: " + ex);
		}
	}

	static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

	private static Instant instant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
	}

}
