package io.parx.bench.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;
import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.RawCopy;
import io.parx.bench.support.ServiceProcess;

/**
 * Sustained ingest of the storage engine into TimescaleDB, end to end (Redis stream,
 * rules, COPY, rollups, XACK), next to a plain binary COPY of the same rows into the same
 * table in the same run: the physical limit (issue 5; docs/PERFORMANCE.md, "Storage
 * ingest").
 *
 * <p>
 * The stream is filled with a backlog first, then the real storage-engine jar is started
 * as a separate process; the rate is measured from its first committed row to its last,
 * so JVM start-up is excluded but everything on the ingest path is included.
 *
 * <p>
 * Run:
 * {@code java -cp bench/target/classes:<deps> io.parx.bench.storage.StorageIngestBench
 * [points] [channels] [insertMethod...]} with the shared services up (TimescaleDB on
 * 5433, PostgreSQL on 5432, Redis on 6379) after
 * {@code ./mvnw -pl storage-engine -am package}. A method with {@code +ALARMS<n>}, e.g.
 * {@code DIRECT_COPY+ALARMS10000}, runs the same with {@code n} HI alarm definitions on
 * the channels (issue 19: alarm evaluation on the storage path), and every run reports
 * the engine's CPU per million points, in total and by thread (the ingest thread, GC,
 * JIT, the rest), so two runs side by side give the cost of alarms. The second run of a
 * command costs more than the first (the database's background work after the first run's
 * COPY shares the cores), so compare pairs in both orders, e.g. {@code DIRECT_COPY
 * DIRECT_COPY+ALARMS10000@5000 DIRECT_COPY+ALARMS10000@5000 DIRECT_COPY}.
 */
public final class StorageIngestBench {

	private static final String REDIS = Bench.env("PARX_BENCH_REDIS", "redis://127.0.0.1:6379");

	/**
	 * The storage-engine jar to run; another build (e.g. a copy of the jar before a
	 * change) lets two builds be compared run by run on the same machine.
	 */
	private static final java.nio.file.Path ENGINE_JAR = java.nio.file.Path
		.of(Bench.env("PARX_BENCH_STORAGE_ENGINE_JAR", "storage-engine/target/storage-engine.jar"));

	/**
	 * Points acknowledged before the measurement starts (default 0: from the first
	 * acknowledgement). With 3,000,000 points the run lasts 15-30 s and the JIT compilers
	 * are still at work in it, a share of the engine's CPU that moves from run to run;
	 * e.g. 1,000,000 measures the rest nearer to the steady state of a plant's day.
	 */
	private static final long WARMUP_POINTS = Long.parseLong(Bench.env("PARX_BENCH_STORAGE_WARMUP_POINTS", "0"));

	private static final long T0_MICROS = 1_767_225_600_000_000L;

	/** The engine's CPU seconds per million points of the last end-to-end run. */
	private static double lastCpuPerMillion = Double.NaN;

	/**
	 * The same by thread: the ingest thread, garbage collection, JIT compilation, the
	 * rest (NaN where the threads cannot be read).
	 */
	private static double[] lastCpuByKind = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };

	private StorageIngestBench() {
	}

	public static void main(String[] args) throws Exception {
		int points = (args.length > 0) ? Integer.parseInt(args[0]) : 2_000_000;
		int channels = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000;
		List<String> methods = (args.length > 2) ? List.of(args).subList(2, args.length)
				: List.of("COPY_STAGING", "UNNEST");
		String run = Long.toString(System.currentTimeMillis(), 36);
		System.out.printf("Storage ingest bench: %,d points over %d channels, %d per stream entry%n", points, channels,
				channels);
		String config = BenchDatabases.createConfig("parx_bench_config_" + run);
		long ruleChannels = seedConfig(config, channels);
		System.out.printf("config: %d channels under one CONTINUOUS(0) rule%n", ruleChannels);
		for (String method : methods) {
			if (method.equals("SIGKILL")) {
				String ts = BenchDatabases.createTimeseries("parx_bench_ts_" + run + "_kill");
				killAndRestart(ts, config, run + "-kill", points, channels);
				BenchDatabases.drop(ts);
				continue;
			}
			String ts = BenchDatabases
				.createTimeseries("parx_bench_ts_" + run + "_" + method.toLowerCase().replaceAll("[^a-z0-9_]", "_"));
			// +ALARMS<n> or +ALARMS<n>@<limit>: n HI definitions, raised and cleared by
			// the
			// waves, or all with one limit (above 1,100 the waves never reach it)
			String alarmSpec = method.contains("+ALARMS") ? method.substring(method.indexOf("+ALARMS") + 7) : "0";
			int alarms = Integer.parseInt(alarmSpec.split("@")[0]);
			Integer limit = alarmSpec.contains("@") ? Integer.valueOf(alarmSpec.split("@")[1]) : null;
			String ruleConfig = config;
			if (alarms > 0) {
				ruleConfig = BenchDatabases.createConfig("parx_bench_config_" + run + "_alarms");
				seedConfig(ruleConfig, channels);
				seedAlarms(ruleConfig, channels, alarms, limit);
				System.out.printf("config: %,d HI alarm definitions on the %d channels%n", alarms, channels);
				method = method.substring(0, method.indexOf("+ALARMS"));
			}
			double rate = endToEnd(ts, ruleConfig, run + "-" + method + alarms, points, channels, method);
			if (alarms > 0) {
				System.out.printf("[%s] alarm journal entries: %,d%n", method,
						queryLong(ts, "select count(*) from alarm_journal"));
				BenchDatabases.drop(ruleConfig);
			}
			double copy = rawCopy(ts, points, channels);
			System.out.printf("RESULT %s: end-to-end %,.0f points/s; raw binary COPY %,.0f points/s; ratio %.0f%%%n",
					method, rate, copy, 100 * rate / copy);
			System.out.printf(java.util.Locale.ROOT,
					"BENCH {\"scenario\":\"storage-ingest\",\"method\":\"%s\",\"alarms\":%d,\"points\":%d,"
							+ "\"channels\":%d,\"pointsPerSecond\":%.0f,\"copyPointsPerSecond\":%.0f,\"ratio\":%.2f,"
							+ "\"engineCpuSecondsPerMillion\":%.2f,\"ingestThreadCpuSecondsPerMillion\":%.2f,"
							+ "\"gcCpuSecondsPerMillion\":%.2f,\"jitCpuSecondsPerMillion\":%.2f}%n",
					method, alarms, points, channels, rate, copy, rate / copy, lastCpuPerMillion, lastCpuByKind[0],
					lastCpuByKind[1], lastCpuByKind[2]);
			BenchDatabases.drop(ts);
		}
		BenchDatabases.drop(config);
	}

	private static double endToEnd(String ts, String config, String run, int points, int channels, String method)
			throws Exception {
		String prefix = "parx-bench-" + run + ":";
		byte[] stream = (prefix + "samples").getBytes(StandardCharsets.UTF_8);
		RedisClient client = RedisClient.create(REDIS);
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			RedisCommands<byte[], byte[]> redis = connection.sync();
			long produced = 0;
			for (long n = 0; n < points; n += channels) {
				List<Sample> batch = new ArrayList<>(channels);
				for (int c = 1; c <= channels && n + c - 1 < points; c++) {
					long i = n / channels;
					batch.add(new Sample(c, T0_MICROS + i * 1_000_000, SampleValue.of(Math.sin(i / 10.0) * 100 + c),
							Quality.GOOD));
				}
				redis.xadd(stream, Map.of("b".getBytes(StandardCharsets.UTF_8), SampleBatchCodec.encode(batch)));
				produced += batch.size();
			}
			System.out.printf("[%s] stream backlog: %,d points in %,d entries%n", method, produced, redis.xlen(stream));
			ServiceProcess engine = startEngine(ts, config, prefix, method);
			try {
				// Progress from Redis (entries acknowledged), so polling costs the
				// database
				// nothing; the row count is checked once at the end.
				long entries = redis.xlen(stream);
				long first = 0;
				long firstAcked = 0;
				double firstCpu = 0;
				Map<String, Double> firstThreads = Map.of();
				long acked = 0;
				long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
				while (acked < entries && System.nanoTime() < deadline) {
					Thread.sleep(100);
					acked = acknowledged(redis, stream, entries);
					if (first == 0 && acked > 0 && (acked * channels >= WARMUP_POINTS || acked >= entries)) {
						first = System.nanoTime();
						firstAcked = acked;
						firstCpu = engine.cpuSeconds();
						firstThreads = engine.cpuSecondsByThread();
					}
				}
				double seconds = (System.nanoTime() - first) / 1e9;
				double cpu = engine.cpuSeconds() - firstCpu;
				Map<String, Double> threads = engine.cpuSecondsByThread();
				long count = count(ts);
				if (count != points) {
					throw new IllegalStateException("found " + count + " of " + points + " rows");
				}
				long rollup = queryLong(ts, "select sum(sample_count) from rollup_1m");
				long measured = (acked - firstAcked) * channels;
				lastCpuPerMillion = cpu / (measured / 1e6);
				System.out.printf(
						"[%s] %,d points in %.1f s after the first acknowledgement; rows %,d; "
								+ "rollup_1m counts %,d; engine CPU %.1f s (%.2f s per million points)%n",
						method, measured, seconds, count, rollup, cpu, lastCpuPerMillion);
				lastCpuByKind = cpuByKind(firstThreads, threads, measured);
				System.out.printf(java.util.Locale.ROOT,
						"[%s] engine CPU s per million points by thread: ingest %.2f, GC %.2f, JIT %.2f, other %.2f%n",
						method, lastCpuByKind[0], lastCpuByKind[1], lastCpuByKind[2], lastCpuByKind[3]);
				return measured / seconds;
			}
			finally {
				engine.close();
				redis.del(stream);
			}
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * The engine's CPU between two readings of its threads, per million points: the
	 * ingest thread (decoding, rules, alarms, the COPY), the garbage collector's threads,
	 * the JIT compilers and everything else. The whole-process figure mixes the three,
	 * and at a machine's load of 5-20 the collector's and the compilers' shares move more
	 * between runs than the alarm evaluation costs (docs/PERFORMANCE.md, "Alarm
	 * evaluation on the storage path").
	 */
	private static double[] cpuByKind(Map<String, Double> before, Map<String, Double> after, long points) {
		if (after.isEmpty()) {
			return new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
		}
		double[] kinds = new double[4];
		for (Map.Entry<String, Double> thread : after.entrySet()) {
			String name = thread.getKey();
			int kind = name.equals("storage-ingest") ? 0 : (name.startsWith("GC Thread") || name.startsWith("G1 ")) ? 1
					: name.contains("CompilerThre") ? 2 : 3;
			kinds[kind] += (thread.getValue() - before.getOrDefault(name, 0.0)) / (points / 1e6);
		}
		return kinds;
	}

	/**
	 * SIGKILLs the engine once a third of the backlog is acknowledged, restarts it and
	 * checks that every sample is stored exactly once (issue 5, "Done when").
	 */
	private static void killAndRestart(String ts, String config, String run, int points, int channels)
			throws Exception {
		String prefix = "parx-bench-" + run + ":";
		byte[] stream = (prefix + "samples").getBytes(StandardCharsets.UTF_8);
		RedisClient client = RedisClient.create(REDIS);
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			RedisCommands<byte[], byte[]> redis = connection.sync();
			for (long n = 0; n < points; n += channels) {
				List<Sample> batch = new ArrayList<>(channels);
				for (int c = 1; c <= channels && n + c - 1 < points; c++) {
					batch.add(new Sample(c, T0_MICROS + (n / channels) * 1_000_000, SampleValue.of(c), Quality.GOOD));
				}
				redis.xadd(stream, Map.of("b".getBytes(StandardCharsets.UTF_8), SampleBatchCodec.encode(batch)));
			}
			long entries = redis.xlen(stream);
			ServiceProcess engine = startEngine(ts, config, prefix, "DIRECT_COPY");
			while (acknowledged(redis, stream, entries) < entries / 3) {
				Thread.sleep(50);
			}
			engine.kill();
			long atKill = count(ts);
			System.out.printf("[SIGKILL] killed with %,d of %,d rows stored, %d entries pending%n", atKill, points,
					entries - acknowledged(redis, stream, entries) - lag(redis, stream, entries));
			engine = startEngine(ts, config, prefix, "DIRECT_COPY");
			try {
				long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
				while (acknowledged(redis, stream, entries) < entries && System.nanoTime() < deadline) {
					Thread.sleep(100);
				}
				long count = count(ts);
				long distinct = queryLong(ts, "select count(*) from (select distinct channel_id, time from samples) d");
				long rollup = queryLong(ts, "select sum(sample_count) from rollup_1m");
				System.out.printf(
						"RESULT SIGKILL: after restart count(*) %,d, distinct keys %,d, rollup_1m counts %,d,"
								+ " produced %,d: %s%n",
						count, distinct, rollup, points,
						(count == points && distinct == points && rollup == points) ? "OK" : "MISMATCH");
				System.out.printf(java.util.Locale.ROOT,
						"BENCH {\"scenario\":\"storage-ingest-sigkill\",\"points\":%d,\"rows\":%d,"
								+ "\"distinctKeys\":%d,\"rollupCount\":%d,\"ok\":%b}%n",
						points, count, distinct, rollup, count == points && distinct == points && rollup == points);
			}
			finally {
				engine.close();
				redis.del(stream);
			}
		}
		finally {
			client.shutdown();
		}
	}

	private static long lag(RedisCommands<byte[], byte[]> redis, byte[] stream, long entries) {
		for (Object group : redis.xinfoGroups(stream)) {
			List<?> info = (List<?>) group;
			for (int i = 0; i + 1 < info.size(); i += 2) {
				Object key = info.get(i);
				String name = (key instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8) : String.valueOf(key);
				if (name.equals("lag") && info.get(i + 1) instanceof Number n) {
					return n.longValue();
				}
			}
		}
		return entries;
	}

	/** Entries the storage group has acknowledged: neither waiting nor pending. */
	private static long acknowledged(RedisCommands<byte[], byte[]> redis, byte[] stream, long entries) {
		for (Object group : redis.xinfoGroups(stream)) {
			List<?> info = (List<?>) group;
			long lag = entries;
			long pending = 0;
			for (int i = 0; i + 1 < info.size(); i += 2) {
				Object key = info.get(i);
				String name = (key instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8) : String.valueOf(key);
				if (name.equals("lag") && info.get(i + 1) instanceof Number n) {
					lag = n.longValue();
				}
				if (name.equals("pending") && info.get(i + 1) instanceof Number n) {
					pending = n.longValue();
				}
			}
			return entries - lag - pending;
		}
		return 0;
	}

	private static ServiceProcess startEngine(String ts, String config, String prefix, String method)
			throws IOException {
		return ServiceProcess.start(ENGINE_JAR, "storage-engine", "1g", List.of(),
				Map.of("PARX_TS_DB_URL", ts, "PARX_TS_DB_USER", "postgres", "PARX_CONFIG_DB_URL", config,
						"PARX_CONFIG_DB_USER", "postgres", "PARX_REDIS_URL", REDIS, "PARX_REDIS_PREFIX", prefix,
						"PARX_STORAGE_INGEST_INSERT_METHOD", method, "PARX_DATA_DIR",
						System.getProperty("java.io.tmpdir") + "/parx-bench-" + prefix.replace(':', '-')));
	}

	/** The same rows by plain binary COPY into the truncated {@code samples}. */
	private static double rawCopy(String ts, int points, int channels) throws SQLException, IOException {
		try (Connection connection = BenchDatabases.connect(ts)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("truncate samples");
			}
			return RawCopy.rowsPerSecond(connection, points, channels, T0_MICROS, 1_000_000,
					(step, channel) -> Math.sin(step / 10.0) * 100 + channel);
		}
	}

	private static long seedConfig(String config, int channels) throws SQLException {
		try (Connection connection = BenchDatabases.connect(config);
				Statement statement = connection.createStatement()) {
			statement.execute("insert into channel (id, name, data_type, protocol) select g, 'bench-' || g, "
					+ "'FLOAT64', 'SIMULATOR' from generate_series(1, " + channels + ") g");
			statement.execute("insert into storage_rule (id, name, mode, settings) values (1, 'bench', "
					+ "'CONTINUOUS', '{\"intervalMs\":0}')");
			statement
				.execute("insert into storage_rule_channel select 1, g from generate_series(1, " + channels + ") g");
			return channels;
		}
	}

	/**
	 * HI alarms spread over the channels, limits between 50 and 110 with a deadband of 2,
	 * so the bench's sine waves (amplitude 100 around the channel number) cross some of
	 * them every period and the evaluator raises and clears alarms as it goes.
	 */
	private static void seedAlarms(String config, int channels, int alarms, Integer limit) throws SQLException {
		try (Connection connection = BenchDatabases.connect(config);
				Statement statement = connection.createStatement()) {
			statement.execute("insert into alarm_definition (name, channel_id, type, limit_value, deadband, priority, "
					+ "message) select 'hot ' || g, ((g - 1) % " + channels + ") + 1, 'HI', "
					+ ((limit != null) ? limit.toString() : "50 + (g % 7) * 10") + ", 2, "
					+ "'HIGH', '{channel}: {value}' from generate_series(1, " + alarms + ") g");
		}
	}

	private static long count(String url) throws SQLException {
		return queryLong(url, "select count(*) from samples");
	}

	private static long queryLong(String url, String sql) throws SQLException {
		try (Connection connection = BenchDatabases.connect(url);
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
