package io.parx.bench.alarms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.bench.router.LatencyHistogram;
import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.BenchTokens;
import io.parx.bench.support.ServiceProcess;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;

/**
 * Alarm event latency, sample to WebSocket (issue 19, "Benchmark"): samples go into the
 * durable stream as a collector writes them, the real storage-engine and data-router jars
 * run as separate processes (configuration on PostgreSQL 5432, history and the alarm
 * journal on TimescaleDB 5433, Redis), and WebSocket clients of the router that sent
 * {@code subscribe-alarms} receive the {@code alarm} messages. Latency is the client's
 * receipt time minus the event's {@code time}, which is the source time of the sample
 * that caused the transition, stamped by this bench when it wrote the sample (one
 * machine, one clock). So it covers the stream, the engine's batching, evaluation and
 * commit (the journal row), the Redis hash and channel, the router and the socket; not
 * the collector (see "Device to browser latency" for that hop).
 *
 * <p>
 * Defaults: 1,000 channels sampled at 10 Hz (10,000 samples/s, one stream entry per 100
 * ms with every channel), 10 HI definitions per channel (10,000; one with limit 100 that
 * the bench crosses, nine that are never reached), every sample stored by a CONTINUOUS
 * rule; 20 alarm transitions a second (channels toggled between 50 and 150 in turn), 2
 * clients, 15 s warm-up, 60 s measured. Transitions whose sample time falls in the window
 * count; the run goes on until they have arrived (or 15 s passed), so "lost" is exact.
 *
 * <pre>
 * scripts/bench.sh main io.parx.bench.alarms.AlarmLatencyBench [--channels 1000] [--rate 10] \
 *     [--per-channel 10] [--transitions 20] [--clients 2] [--warmup 15] [--duration 60] \
 *     [--flush-interval 500ms] [--heap 512m]
 * </pre>
 *
 * Needs the storage-engine and data-router jars
 * ({@code ./mvnw -pl storage-engine,data-router
 * -am package -DskipTests}); run from the repository root. Creates and drops the
 * databases {@code parx_bench_alarm_<run>} and {@code parx_bench_alarm_ts_<run>} and uses
 * the Redis prefix {@code parx-bench-<run>:} (deleted at the end).
 */
public final class AlarmLatencyBench {

	private static final Pattern EVENT_TIME = Pattern.compile("\"event\":\\{\"time\":\"([^\"]+)\"");

	private static final Pattern EVENT_KIND = Pattern.compile("\"event\":\"(ACTIVATED|RETURNED)\"");

	private AlarmLatencyBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		int channels = Integer.parseInt(options.getOrDefault("channels", "1000"));
		int rate = Integer.parseInt(options.getOrDefault("rate", "10"));
		int perChannel = Integer.parseInt(options.getOrDefault("per-channel", "10"));
		int transitions = Integer.parseInt(options.getOrDefault("transitions", "20"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "2"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
		String flushInterval = options.getOrDefault("flush-interval", "500ms");
		String heap = options.getOrDefault("heap", "512m");
		String redisUrl = options.getOrDefault("redis", "redis://127.0.0.1:6379");
		String run = HexFormat.of().toHexDigits(new Random().nextInt());
		String prefix = "parx-bench-" + run + ":";

		System.out.printf("# machine load average %s%n", Bench.loadAverage());
		System.out.printf(Locale.ROOT,
				"# alarm latency: %d channels at %d Hz (%d samples/s), %d HI definitions (%d a channel), %d transitions/s,"
						+ " %d clients, storage flush-interval %s, warm-up %d s, measured %d s%n",
				channels, rate, channels * rate, channels * perChannel, perChannel, transitions, clients, flushInterval,
				warmup, duration);
		String config = BenchDatabases.createConfig("parx_bench_alarm_" + run);
		String timeseries = BenchDatabases.createTimeseries("parx_bench_alarm_ts_" + run);
		seed(config, channels, perChannel);
		List<ServiceProcess> services = new ArrayList<>();
		List<WebSocket> sockets = new ArrayList<>();
		Path dataDir = Files.createTempDirectory("parx-bench-alarm-");
		RedisClient redisClient = RedisClient.create(redisUrl);
		boolean failed = false;
		try (BenchTokens tokens = new BenchTokens();
				StatefulRedisConnection<byte[], byte[]> redis = redisClient.connect(ByteArrayCodec.INSTANCE)) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("PARX_CONFIG_DB_URL", config);
			env.put("PARX_CONFIG_DB_USER", "postgres");
			env.put("PARX_REDIS_URL", redisUrl);
			env.put("PARX_REDIS_PREFIX", prefix);
			env.put("PARX_JWKS_URL", tokens.jwksUrl());
			Map<String, String> storageEnv = new LinkedHashMap<>(env);
			storageEnv.put("PARX_DATA_DIR", dataDir.resolve("storage").toString());
			storageEnv.put("PARX_TS_DB_URL", timeseries);
			storageEnv.put("PARX_TS_DB_USER", "postgres");
			storageEnv.put("PARX_STORAGE_INGEST_FLUSH_INTERVAL", flushInterval);
			storageEnv.put("PARX_WEBHOOKS_ENABLED", "false");
			ServiceProcess router = ServiceProcess.start("data-router", heap, env);
			services.add(router);
			ServiceProcess storage = ServiceProcess.start("storage-engine", heap, storageEnv);
			services.add(storage);
			for (ServiceProcess service : services) {
				service.awaitReady(Duration.ofMinutes(3));
			}

			Received received = new Received();
			String token = tokens.token("bench", "OPERATOR");
			for (int i = 0; i < clients; i++) {
				sockets.add(connect(router.port(), token, received));
			}
			received.subscribed.get(60, TimeUnit.SECONDS);

			Producer producer = new Producer(redis, (prefix + "samples").getBytes(StandardCharsets.UTF_8), channels,
					rate, transitions);
			Thread producing = Thread.ofPlatform().name("alarm-bench-producer").start(producer);
			Thread.sleep(Duration.ofSeconds(warmup));
			long from = micros(Instant.now());
			long to = from + duration * 1_000_000L;
			received.window(from, to);
			producer.window(from, to);
			String loadStart = Bench.loadAverage();
			double storageCpu = storage.cpuSeconds();
			double routerCpu = router.cpuSeconds();
			Thread.sleep(Duration.ofMillis((to - micros(Instant.now())) / 1000 + 1));
			storageCpu = storage.cpuSeconds() - storageCpu;
			routerCpu = router.cpuSeconds() - routerCpu;
			String loadEnd = Bench.loadAverage();
			long expected = producer.windowTransitions() * clients;
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (received.latencies.count() < expected && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			producer.stop();
			producing.join(5000);

			LatencyHistogram latencies = received.latencies;
			long lost = expected - latencies.count();
			System.out.printf("# load average at the start of the window %s, at its end %s%n", loadStart, loadEnd);
			System.out.printf(Locale.ROOT,
					"RESULT alarm events sample -> WebSocket: %,d received of %,d expected (%d clients), lost %d;"
							+ " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; CPU %% of one core: storage-engine"
							+ " %.0f, data-router %.0f%n",
					latencies.count(), expected, clients, lost, latencies.percentile(0.5), latencies.percentile(0.95),
					latencies.percentile(0.99), received.maxMillis(), 100 * storageCpu / duration,
					100 * routerCpu / duration);
			System.out.printf(Locale.ROOT,
					"BENCH {\"scenario\":\"alarm-latency\",\"channels\":%d,\"samplesPerSecond\":%d,\"definitions\":%d,"
							+ "\"transitionsPerSecond\":%d,\"clients\":%d,\"flushInterval\":\"%s\",\"expected\":%d,"
							+ "\"received\":%d,\"p50Ms\":%s,\"p95Ms\":%s,\"p99Ms\":%s,\"maxMs\":%s,"
							+ "\"storageCpuPercent\":%s,\"routerCpuPercent\":%s,\"load\":\"%s\"}%n",
					channels, channels * rate, channels * perChannel, transitions, clients, flushInterval, expected,
					latencies.count(), Bench.json(latencies.percentile(0.5)), Bench.json(latencies.percentile(0.95)),
					Bench.json(latencies.percentile(0.99)), Bench.json(received.maxMillis()),
					Bench.json(100 * storageCpu / duration), Bench.json(100 * routerCpu / duration), loadEnd);
			failed = lost != 0 || received.unexpected.sum() != 0;
			if (received.unexpected.sum() != 0) {
				System.out.printf("# %d alarm messages outside the expected window order%n", received.unexpected.sum());
			}
			redis.sync()
				.del((prefix + "samples").getBytes(StandardCharsets.UTF_8),
						(prefix + "alarms:active").getBytes(StandardCharsets.UTF_8));
		}
		finally {
			for (WebSocket socket : sockets) {
				socket.abort();
			}
			for (ServiceProcess service : services) {
				service.close();
			}
			redisClient.shutdown();
			BenchDatabases.drop(config);
			BenchDatabases.drop(timeseries);
		}
		if (failed) {
			System.exit(1);
		}
	}

	/**
	 * Channels {@code 1..channels}, one CONTINUOUS(0) rule over them, and per channel one
	 * HI definition with limit 100 and deadband 2 and {@code perChannel - 1} with limits
	 * the values never reach (evaluated on every sample, raising nothing).
	 */
	private static void seed(String config, int channels, int perChannel) throws SQLException {
		try (Connection connection = BenchDatabases.connect(config);
				Statement statement = connection.createStatement()) {
			statement.execute("insert into channel (id, name, data_type, protocol, unit) select g, 'bench-' || g, "
					+ "'FLOAT64', 'SIMULATOR', '°C' from generate_series(1, " + channels + ") g");
			statement.execute("insert into storage_rule (id, name, mode, settings) values (1, 'bench', "
					+ "'CONTINUOUS', '{\"intervalMs\":0}')");
			statement
				.execute("insert into storage_rule_channel select 1, g from generate_series(1, " + channels + ") g");
			statement.execute("insert into alarm_definition (name, channel_id, type, limit_value, deadband, priority,"
					+ " message) select 'bench-' || c || '-' || k, c, 'HI', case when k = 0 then 100 else 5000 + k end,"
					+ " 2, 'HIGH', '{channel} at {value} {unit}' from generate_series(1, " + channels
					+ ") c, generate_series(0, " + (perChannel - 1) + ") k");
		}
	}

	private static WebSocket connect(int port, String token, Received received) throws Exception {
		WebSocket.Listener listener = received.listener();
		for (int attempt = 1;; attempt++) {
			try {
				WebSocket socket = HttpClient.newHttpClient()
					.newWebSocketBuilder()
					.connectTimeout(Duration.ofSeconds(10))
					.subprotocols("parx.v1", "bearer." + token)
					.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), listener)
					.get(30, TimeUnit.SECONDS);
				socket.sendText("{\"type\":\"subscribe-alarms\",\"id\":\"bench\"}", true).join();
				return socket;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// a router that has not fetched the JWKS yet (slow on a loaded machine)
				// answers 401 to the handshake
				if (attempt == 10) {
					throw ex;
				}
				System.out.printf("# WebSocket handshake failed (%s), again in 2 s%n", ex.getCause());
				Thread.sleep(2000);
			}
		}
	}

	private static long micros(Instant time) {
		return Sample.toMicros(time);
	}

	/**
	 * Writes one stream entry per tick with every channel's sample stamped now; toggles
	 * channels between 50 and 150 in turn, {@code transitions} a second, so each toggle
	 * is one ACTIVATED or RETURNED of that channel's limit-100 alarm.
	 */
	private static final class Producer implements Runnable {

		private final StatefulRedisConnection<byte[], byte[]> redis;

		private final byte[] stream;

		private final int channels;

		private final long tickNanos;

		private final double togglesPerTick;

		private final boolean[] high;

		private volatile boolean running = true;

		private volatile long from = Long.MAX_VALUE;

		private volatile long to = Long.MAX_VALUE;

		private final LongAdder windowTransitions = new LongAdder();

		Producer(StatefulRedisConnection<byte[], byte[]> redis, byte[] stream, int channels, int rate,
				int transitions) {
			this.redis = redis;
			this.stream = stream;
			this.channels = channels;
			this.tickNanos = 1_000_000_000L / rate;
			this.togglesPerTick = (double) transitions / rate;
			this.high = new boolean[channels + 1];
		}

		void window(long from, long to) {
			this.from = from;
			this.to = to;
		}

		long windowTransitions() {
			return this.windowTransitions.sum();
		}

		void stop() {
			this.running = false;
		}

		@Override
		public void run() {
			long next = System.nanoTime();
			double toggles = 0;
			int nextChannel = 1;
			while (this.running) {
				long now = micros(Instant.now());
				toggles += this.togglesPerTick;
				List<Sample> batch = new ArrayList<>(this.channels);
				boolean[] toggled = new boolean[this.channels + 1];
				while (toggles >= 1) {
					toggles -= 1;
					toggled[nextChannel] = true;
					this.high[nextChannel] = !this.high[nextChannel];
					nextChannel = (nextChannel % this.channels) + 1;
				}
				for (int c = 1; c <= this.channels; c++) {
					batch.add(new Sample(c, now, SampleValue.of(this.high[c] ? 150.0 : 50.0), Quality.GOOD));
					if (toggled[c] && now >= this.from && now < this.to) {
						this.windowTransitions.increment();
					}
				}
				this.redis.sync()
					.xadd(this.stream, Map.of("b".getBytes(StandardCharsets.UTF_8), SampleBatchCodec.encode(batch)));
				next += this.tickNanos;
				long sleep = next - System.nanoTime();
				if (sleep > 0) {
					try {
						Thread.sleep(Duration.ofNanos(sleep));
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		}

	}

	/** What every client received: latencies of the window's ACTIVATED and RETURNED. */
	private static final class Received {

		final LatencyHistogram latencies = new LatencyHistogram();

		final LongAdder unexpected = new LongAdder();

		final CompletableFuture<Void> subscribed = new CompletableFuture<>();

		private final LongAdder replies = new LongAdder();

		private volatile int clients;

		private volatile long from = Long.MAX_VALUE;

		private volatile long to = Long.MAX_VALUE;

		private final java.util.concurrent.atomic.AtomicLong maxMicros = new java.util.concurrent.atomic.AtomicLong();

		void window(long from, long to) {
			this.from = from;
			this.to = to;
		}

		double maxMillis() {
			return this.maxMicros.get() / 1000.0;
		}

		WebSocket.Listener listener() {
			this.clients++;
			StringBuilder partial = new StringBuilder();
			return new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					long now = micros(Instant.now());
					partial.append(data);
					if (last) {
						handle(partial.toString(), now);
						partial.setLength(0);
					}
					socket.request(1);
					return null;
				}

			};
		}

		private void handle(String message, long now) {
			if (message.startsWith("{\"type\":\"alarms\"")) {
				this.replies.increment();
				if (this.replies.sum() >= this.clients) {
					this.subscribed.complete(null);
				}
				return;
			}
			if (!message.startsWith("{\"type\":\"alarm\"")) {
				if (message.startsWith("{\"type\":\"error\"")) {
					this.subscribed.completeExceptionally(new IllegalStateException(message));
				}
				return;
			}
			Matcher time = EVENT_TIME.matcher(message);
			if (!time.find() || !EVENT_KIND.matcher(message).find()) {
				this.unexpected.increment();
				return;
			}
			long sampleTime = micros(Instant.parse(time.group(1)));
			if (sampleTime >= this.from && sampleTime < this.to) {
				this.latencies.record(now - sampleTime);
				this.maxMicros.accumulateAndGet(now - sampleTime, Math::max);
			}
		}

	}

}
