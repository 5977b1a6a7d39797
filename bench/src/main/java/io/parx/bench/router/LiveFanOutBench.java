package io.parx.bench.router;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.ServiceProcess;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;

/**
 * Live fan-out scenario (issue 6): a real data-router process, {@code clients} WebSocket
 * clients each subscribed to {@code per-client} random channels out of {@code channels},
 * while {@code rate} samples per second are published to Redis in batches, as the
 * collector does. Reports the latency from a sample's source timestamp to its receipt by
 * a client (p50/p95/p99/max), the router's own delivery latency, the router's CPU and
 * heap and the load generator's own CPU. Results: docs/PERFORMANCE.md, "Live fan-out".
 *
 * <p>
 * The clients are a deliberately light load generator, because they share the machine
 * with the router they measure (in production the browsers run elsewhere): raw WebSocket
 * connections (RFC 6455 handshake and framing written out in {@link WebSocketHandshake}
 * and {@link BenchClient}), served by {@code client-threads} selector threads (default
 * 2), that take the receipt time once per socket read before parsing and find the
 * {@code channelId} and {@code time} fields by a byte scan instead of decoding JSON. They
 * still check every sample against their subscriptions (the run fails if one arrives for
 * a channel not subscribed) and the report compares the samples received with the number
 * expected from the subscriptions. Until 2026-11-27 the clients were JDK
 * {@code java.net.http.WebSocket}s decoding every frame to text; figures measured with
 * that client carried its cost (one selector thread for all sockets, a thread hand-off
 * per frame, GC pauses of the generator) and are not comparable.
 *
 * <pre>
 * ./mvnw -q -o -pl data-router,bench -am package -DskipTests dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" io.parx.bench.router.LiveFanOutBench \
 *     --clients 1000 --per-client 50 --rate 10000 [--warmup 15] [--duration 30] [--flush-interval 0ms] \
 *     [--router-heap 512m] [--router-jvm-options "-XX:+UseZGC"] [--client-threads 2]
 * </pre>
 *
 * Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis; creates, migrates and
 * drops a database {@code parx_bench_router_<random>} ({@link BenchDatabases}), starts
 * the router with {@link ServiceProcess} and uses the Redis prefix
 * {@code parx-bench-<random>:}.
 */
public final class LiveFanOutBench {

	private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.eE+-]+)");

	private LiveFanOutBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		int clients = Integer.parseInt(options.getOrDefault("clients", "1000"));
		int perClient = Integer.parseInt(options.getOrDefault("per-client", "50"));
		int channels = Integer.parseInt(options.getOrDefault("channels", "10000"));
		int rate = Integer.parseInt(options.getOrDefault("rate", "10000"));
		int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
		String jar = options.getOrDefault("router-jar", "data-router/target/data-router.jar");
		String heap = options.getOrDefault("router-heap", "512m");
		String flush = options.getOrDefault("flush-interval", "0ms");
		String routerJvmOptions = options.getOrDefault("router-jvm-options", "");
		int loopThreads = Integer.parseInt(options.getOrDefault("client-threads", "2"));
		URI redis = URI.create(options.getOrDefault("redis", "redis://127.0.0.1:6379"));

		String run = HexFormat.of().toHexDigits(new Random().nextInt());
		String database = "parx_bench_router_" + run;
		String prefix = "parx-bench-" + run + ":";
		System.out.printf("# machine load average %s%n", Bench.loadAverage());
		System.out.printf(
				"# live fan-out: %d clients x %d channels (of %d), %d samples/s in batches of %d,"
						+ " flush-interval %s, router heap %s, router JVM options [%s], %d client threads%n",
				clients, perClient, channels, rate, batch, flush, heap, routerJvmOptions, loopThreads);

		String config = BenchDatabases.createConfig(database);
		ServiceProcess router = null;
		try (BenchTokens tokens = new BenchTokens(); RespPublisher publisher = new RespPublisher(redis)) {
			try (Connection connection = BenchDatabases.connect(config);
					Statement statement = connection.createStatement()) {
				statement.execute("insert into channel (name, data_type, protocol) select 'bench-' || g, 'FLOAT64',"
						+ " 'SIMULATOR' from generate_series(1, " + channels + ") g");
			}
			Map<String, String> env = Map.of("PARX_CONFIG_DB_URL", config, "PARX_CONFIG_DB_USER", "postgres",
					"PARX_REDIS_URL", redis.toString(), "PARX_REDIS_PREFIX", prefix, "PARX_JWKS_URL", tokens.jwksUrl());
			router = ServiceProcess.start(Path.of(jar), "data-router", heap,
					routerJvmOptions.isBlank() ? List.of() : List.of(routerJvmOptions.trim().split("\\s+")), env,
					"--parx.router.flush-interval=" + flush, "--logging.level.io.parx.router.session=debug");
			String adminToken = tokens.token("bench-admin", "ADMIN");
			router.awaitReady(Duration.ofMinutes(3));

			BenchClient.Counters counters = new BenchClient.Counters();
			LatencyHistogram latencies = counters.latencies();
			LongAdder received = counters.samples();
			LongAdder frames = counters.frames();
			Random random = new Random(42);
			List<List<Long>> subscribed = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				subscribed.add(random.longs(1, channels + 1).distinct().limit(perClient).boxed().toList());
			}
			DashboardClients all = DashboardClients.connect(router.port(), tokens.token("bench", "OPERATOR"),
					subscribed, loopThreads, counters);
			long subscriptions = all.size() * (long) perClient;

			ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
			LongAdder published = new LongAdder();
			long periodMicros = 1_000_000L * batch / rate;
			long[] next = { 1 };
			scheduler.scheduleAtFixedRate(() -> {
				try {
					long now = Sample.toMicros(Instant.now());
					List<Sample> samples = new ArrayList<>(batch);
					for (int i = 0; i < batch; i++) {
						long id = next[0];
						next[0] = (id % channels) + 1;
						samples.add(new Sample(id, now, SampleValue.of(Math.sin(now / 1e6) * 100), 0));
					}
					publisher.publish(prefix + "live", SampleBatchCodec.encode(samples));
					published.add(batch);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}, 0, periodMicros, TimeUnit.MICROSECONDS);

			Thread.sleep(Duration.ofSeconds(warmup));
			latencies.reset();
			long receivedBefore = received.sum();
			long framesBefore = frames.sum();
			long publishedBefore = published.sum();
			double cpuBefore = router.cpuSeconds();
			Duration ownCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
			long start = System.nanoTime();
			double maxHeap = 0;
			for (int s = 0; s < duration; s++) {
				Thread.sleep(1000);
				maxHeap = Math.max(maxHeap, metric(router, adminToken, "jvm.memory.used?tag=area:heap"));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpu = router.cpuSeconds() - cpuBefore;
			Duration ownCpu = ProcessHandle.current()
				.info()
				.totalCpuDuration()
				.orElse(Duration.ZERO)
				.minus(ownCpuBefore);
			long unexpected = counters.unexpected().sum();
			scheduler.shutdownNow();

			double coalesced = metric(router, adminToken, "parx.router.samples.coalesced");
			double slowCloses = metric(router, adminToken, "parx.router.sessions.closed?tag=reason:slow-consumer");
			double sessions = metric(router, adminToken, "parx.router.sessions");
			String prometheus = router.get("/actuator/prometheus", adminToken);
			double[] routerLatency = { quantile(prometheus, "0.5"), quantile(prometheus, "0.95"),
					quantile(prometheus, "0.99") };
			double publishedRate = (published.sum() - publishedBefore) / seconds;
			System.out.printf(
					"published %.0f samples/s; received %.0f samples/s (expected %.0f) in %.0f frames/s over %.0f"
							+ " sessions; samples of channels not subscribed: %d%n",
					publishedRate, (received.sum() - receivedBefore) / seconds,
					publishedRate * subscriptions / channels, (frames.sum() - framesBefore) / seconds, sessions,
					unexpected);
			System.out.printf(
					"latency ms (sample time -> client receipt, %d samples): p50 %.1f  p95 %.1f  p99 %.1f"
							+ "  p99.9 %.1f  max %.1f%n",
					latencies.count(), latencies.percentile(0.5), latencies.percentile(0.95),
					latencies.percentile(0.99), latencies.percentile(0.999), latencies.percentile(1.0));
			System.out.printf(
					"inside the router (Redis arrival -> frame sent, recent window) ms: p50 %.1f  p95 %.1f"
							+ "  p99 %.1f%n",
					routerLatency[0] * 1000, routerLatency[1] * 1000, routerLatency[2] * 1000);
			System.out.printf(
					"router CPU %.0f%% of one core (%.2f of %d cores); heap used max %.0f MiB (-Xmx%s);"
							+ " coalesced %.0f; slow-consumer closes %.0f; load generator CPU %.0f%% of one core%n",
					100.0 * cpu / seconds, cpu / seconds, Runtime.getRuntime().availableProcessors(), maxHeap / 1048576,
					heap, coalesced, slowCloses, 100.0 * ownCpu.toNanos() / 1e9 / seconds);
			System.out.printf(java.util.Locale.ROOT,
					"BENCH {\"scenario\":\"live-fan-out\",\"clients\":%d,"
							+ "\"perClient\":%d,\"rate\":%d,\"flushInterval\":\"%s\",\"publishedPerSecond\":%.0f,"
							+ "\"deliveredPerSecond\":%.0f,\"framesPerSecond\":%.0f,\"latencySamples\":%d,"
							+ "\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"p999Ms\":%.1f,\"maxMs\":%.1f,"
							+ "\"routerP50Ms\":%s,\"routerP95Ms\":%s,\"routerP99Ms\":%s,\"routerCpuPercent\":%.0f,"
							+ "\"heapMaxMiB\":%s,\"coalesced\":%s,\"slowConsumerCloses\":%s,\"unexpectedSamples\":%d,"
							+ "\"generatorCpuPercent\":%.0f,\"routerJvmOptions\":\"%s\"}%n",
					clients, perClient, rate, flush, (published.sum() - publishedBefore) / seconds,
					(received.sum() - receivedBefore) / seconds, (frames.sum() - framesBefore) / seconds,
					latencies.count(), latencies.percentile(0.5), latencies.percentile(0.95),
					latencies.percentile(0.99), latencies.percentile(0.999), latencies.percentile(1.0),
					Bench.json(routerLatency[0] * 1000), Bench.json(routerLatency[1] * 1000),
					Bench.json(routerLatency[2] * 1000), 100.0 * cpu / seconds, Bench.json(maxHeap / 1048576),
					Bench.json(coalesced), Bench.json(slowCloses), unexpected, 100.0 * ownCpu.toNanos() / 1e9 / seconds,
					routerJvmOptions);
			System.out.printf("# machine load average at the end %s%n", Bench.loadAverage());
			all.close();
			if (unexpected > 0) {
				System.out.println("FAILED: clients received samples of channels they did not subscribe to");
				System.exit(1);
			}
		}
		finally {
			if (router != null) {
				router.close();
			}
			BenchDatabases.drop(config);
		}
		System.exit(0);
	}

	/** A quantile of the router's own delivery latency timer, in seconds. */
	private static double quantile(String prometheus, String quantile) {
		Matcher matcher = Pattern
			.compile("parx_router_delivery_latency_seconds\\{[^}]*quantile=\"" + Pattern.quote(quantile)
					+ "\"[^}]*} ([0-9.eE+-]+)")
			.matcher(prometheus);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	private static double metric(ServiceProcess router, String token, String name) throws InterruptedException {
		Matcher matcher = VALUE.matcher(router.get("/actuator/metrics/" + name, token));
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

}
