package io.parx.bench.plant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.BenchTokens;
import io.parx.bench.support.PrometheusText;
import io.parx.bench.support.RawCopy;
import io.parx.bench.support.ServerCpu;
import io.parx.bench.support.ServiceProcess;
import io.parx.common.redis.RedisKeys;

/**
 * Sustained plant ingest (issue 8): simulated Modbus devices, the real collector and
 * storage-engine jars as separate processes, Redis and TimescaleDB, with zero loss
 * checked rather than assumed; next to it, in the same run, a plain binary {@code COPY}
 * of as many rows into the same {@code samples} table (the physical limit).
 *
 * <ol>
 * <li>Starts {@code devices} j2mod Modbus TCP slaves in this JVM with {@code registers}
 * holding registers each, all changing every {@code poll}, and configures one channel per
 * register plus one CONTINUOUS(0) rule over all of them in a fresh config database.</li>
 * <li>Starts the storage engine, then the collector, and lets them run {@code warmup}
 * seconds; then measures {@code duration} seconds: rows committed per second (the
 * engine's {@code parx.storage.points.written}), samples read per second (the collector's
 * {@code parx.collector.samples}), the storage group's backlog at both ends, and the CPU
 * of each process.</li>
 * <li>Stops the collector and the devices, waits until the storage engine has drained the
 * stream, and compares the rows per channel with what a second consumer group (the
 * {@link StreamAudit}) counted in the stream: lost, extra and duplicate rows.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -B -o -pl collector,storage-engine,bench -am package -DskipTests
 * scripts/bench.sh main io.parx.bench.plant.PlantIngestBench --devices 4 --registers 2500 --poll 100ms \
 *     --warmup 20 --duration 60 [--heap 512m] [--flush-points N]
 * </pre> {@code --flush-points} passes {@code parx.storage.ingest.flush-points} to the
 * engine (default: the engine's own); {@code --heap} is each service's {@code -Xmx} (512m
 * as in {@code scripts/run-local.sh}). Ends with one line {@code BENCH {json}}; exits
 * with 1 when a sample was lost, duplicated or stored without being published.
 */
public final class PlantIngestBench {

	private static final String REDIS = Bench.env("PARX_BENCH_REDIS", "redis://127.0.0.1:6379");

	private PlantIngestBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		int devices = Integer.parseInt(options.getOrDefault("devices", "4"));
		int registers = Integer.parseInt(options.getOrDefault("registers", "2500"));
		Duration poll = duration(options.getOrDefault("poll", "100ms"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
		String heap = options.getOrDefault("heap", "512m");
		String flushPoints = options.get("flush-points");
		String run = Long.toString(System.currentTimeMillis(), 36);
		String prefix = "parx-bench-plant-" + run + ":";
		Path dataDirectory = Path.of(System.getProperty("java.io.tmpdir"), prefix.replace(':', '-'));
		System.out.printf("# plant ingest: %d devices x %d registers every %d ms = %,d points/s offered; load %s%n",
				devices, registers, poll.toMillis(), devices * registers * 1000L / poll.toMillis(),
				Bench.loadAverage());
		String config = BenchDatabases.createConfig("parx_bench_plant_config_" + run);
		String ts = BenchDatabases.createTimeseries("parx_bench_plant_ts_" + run);
		RedisClient client = RedisClient.create(REDIS);
		boolean complete;
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
				BenchTokens tokens = new BenchTokens()) {
			RedisCommands<byte[], byte[]> redis = connection.sync();
			try {
				complete = run(new Plan(devices, registers, poll, warmup, duration, heap, flushPoints), config, ts,
						prefix, client, redis, tokens, dataDirectory);
			}
			finally {
				deleteKeys(redis, prefix);
				deleteDirectory(dataDirectory);
			}
		}
		finally {
			client.shutdown();
			BenchDatabases.drop(ts);
			BenchDatabases.drop(config);
		}
		// A run that lost, duplicated or invented rows fails, so scripts notice.
		System.exit(complete ? 0 : 1);
	}

	record Plan(int devices, int registers, Duration poll, int warmup, int duration, String heap, String flushPoints) {
	}

	/**
	 * @return whether every published sample is stored exactly once
	 */
	private static boolean run(Plan plan, String config, String ts, String prefix, RedisClient client,
			RedisCommands<byte[], byte[]> redis, BenchTokens tokens, Path dataDirectory) throws Exception {
		String token = tokens.token("bench", "ADMIN");
		byte[] stream = new RedisKeys(prefix).samples().getBytes(StandardCharsets.UTF_8);
		ServerCpu database;
		try (Connection connection = BenchDatabases.connect(ts)) {
			database = ServerCpu.of(connection);
		}
		ModbusPlant plant = new ModbusPlant(plan.devices(), plan.registers(), plan.poll());
		int channels = PlantConfig.seed(config, plant.ports(), plan.registers(), plan.poll());
		Map<String, String> env = Map.of("PARX_CONFIG_DB_URL", config, "PARX_CONFIG_DB_USER", "postgres",
				"PARX_TS_DB_URL", ts, "PARX_TS_DB_USER", "postgres", "PARX_REDIS_URL", REDIS, "PARX_REDIS_PREFIX",
				prefix, "PARX_JWKS_URL", tokens.jwksUrl(), "PARX_DATA_DIR", dataDirectory.toString());
		List<String> storageArguments = new ArrayList<>();
		if (plan.flushPoints() != null) {
			storageArguments.add("--parx.storage.ingest.flush-points=" + plan.flushPoints());
		}
		try (StreamAudit audit = new StreamAudit(client, stream, channels);
				ServiceProcess storage = ServiceProcess
					.start("storage-engine", plan.heap(), env, storageArguments.toArray(String[]::new))
					.awaitReady(Duration.ofMinutes(2));
				ServiceProcess collector = ServiceProcess.start("collector", plan.heap(), env)
					.awaitReady(Duration.ofMinutes(2))) {
			System.out.printf("# %,d channels configured; warm-up %d s%n", channels, plan.warmup());
			Snapshot start = watch(plan.warmup(), collector, storage, token, audit, redis, stream, database).last();
			System.out.printf("# measuring %d s; load %s%n", plan.duration(), Bench.loadAverage());
			Watched window = watch(plan.duration(), collector, storage, token, audit, redis, stream, database);
			Snapshot end = window.last();
			String load = Bench.loadAverage();
			String collectorPage = collector.get("/actuator/prometheus", token);

			// Stop the source, then let the engine drain everything it was given.
			collector.close();
			plant.close();
			long drainStart = System.nanoTime();
			long deadline = drainStart + Duration.ofMinutes(10).toNanos();
			while (!(StreamGroups.of(redis, stream, "storage").drained()
					&& StreamGroups.of(redis, stream, StreamAudit.GROUP).drained())) {
				if (System.nanoTime() > deadline || !storage.alive()) {
					throw new IllegalStateException("the storage engine did not drain the stream: "
							+ StreamGroups.of(redis, stream, "storage") + "\n" + storage.tail(40));
				}
				Thread.sleep(500);
			}
			double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
			double committedTotal = PrometheusText.sum(storage.get("/actuator/prometheus", token),
					"parx_storage_points_written_total");
			storage.close();
			System.out.printf(
					"# drained in %.1f s; stream: %,d samples in %,d entries (%d not after their"
							+ " channel's previous, %d of unknown channels); engine counted %,.0f rows%n",
					drainSeconds, audit.samples(), audit.entries(), audit.notAfterPrevious(), audit.unknownChannel(),
					committedTotal);
			long checkStart = System.nanoTime();
			LossCheck check = LossCheck.of(ts, audit, channels);
			System.out.printf(
					"# rows %,d (checked in %.1f s): lost %,d, extra %,d, duplicates %,d, channels"
							+ " differing %d, rollup_1m count %,d, bad-quality rows %,d%n",
					check.rows(), (System.nanoTime() - checkStart) / 1e9, check.lost(), check.extra(),
					check.duplicates(), check.channelsDiffering(), check.rollupCount(), check.badQualityRows());

			// The limit in the same run: as many rows by binary COPY into the same table,
			// after the engine's rows.
			long windowRows = Math.round(end.committed() - start.committed());
			double copy;
			try (Connection connection = BenchDatabases.connect(ts)) {
				copy = RawCopy.rowsPerSecond(connection, windowRows, channels, check.maxTimeMicros() + 1_000_000,
						plan.poll().toNanos() / 1000, (step, channel) -> (step * 7 + channel) & 0xFFFF);
			}
			PlantReport.print(plan, channels, start, window, load, collectorPage, audit, check, drainSeconds, copy);
			return check.lost() == 0 && check.extra() == 0 && check.duplicates() == 0 && audit.notAfterPrevious() == 0
					&& audit.unknownChannel() == 0;
		}
		finally {
			plant.close();
		}
	}

	/** The counters at the end of a wait and the storage engine's largest heap seen. */
	record Watched(Snapshot last, double storageHeapMax) {
	}

	/**
	 * Waits {@code seconds}, printing the rates every 10 s.
	 */
	private static Watched watch(int seconds, ServiceProcess collector, ServiceProcess storage, String token,
			StreamAudit audit, RedisCommands<byte[], byte[]> redis, byte[] stream, ServerCpu database)
			throws InterruptedException {
		Snapshot previous = Snapshot.take(collector, storage, token, audit, redis, stream, database);
		double heapMax = 0;
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		while (System.nanoTime() < end) {
			Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			if (!collector.alive() || !storage.alive()) {
				throw new IllegalStateException("a service exited:\n" + collector.tail(30) + "\n" + storage.tail(30));
			}
			Snapshot now = Snapshot.take(collector, storage, token, audit, redis, stream, database);
			System.out.printf(
					"  read %,9.0f/s  committed %,9.0f/s  storage backlog %d entries (+%d pending)" + "  load %s%n",
					now.readPerSecond(previous), now.committedPerSecond(previous), now.storageGroup().lag(),
					now.storageGroup().pending(), Bench.loadAverage());
			previous = now;
			heapMax = Math.max(heapMax, now.storageHeap());
		}
		return new Watched(previous, heapMax);
	}

	private static Duration duration(String text) {
		if (text.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
		}
		if (text.endsWith("s")) {
			return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
		}
		return Duration.ofMillis(Long.parseLong(text));
	}

	/** The services' data directory (collector buffer, CSV files) of this run. */
	private static void deleteDirectory(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** Everything under the run's own prefix (stream, latest values, sequence). */
	private static void deleteKeys(RedisCommands<byte[], byte[]> redis, String prefix) {
		ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(1000);
		KeyScanCursor<byte[]> cursor = redis.scan(match);
		while (true) {
			if (!cursor.getKeys().isEmpty()) {
				redis.del(cursor.getKeys().toArray(byte[][]::new));
			}
			if (cursor.isFinished()) {
				return;
			}
			cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
		}
	}

}
