package io.parx.bench.router;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Needs PostgreSQL on 127.0.0.1:5432 (user postgres, {@code psql} on the path) and Redis;
 * creates and drops a database {@code parx_bench_router_<random>} and uses the Redis
 * prefix {@code parx-bench-<random>:}.
 */
public final class LiveFanOutBench {

	private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.eE+-]+)");

	private LiveFanOutBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
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
		String schema = options.getOrDefault("schema", "db/src/main/resources/db/config/V1__config_schema.sql");

		String run = HexFormat.of().toHexDigits(new Random().nextInt());
		String database = "parx_bench_router_" + run;
		String prefix = "parx-bench-" + run + ":";
		System.out.printf("# machine load average %s%n", loadAverage());
		System.out.printf(
				"# live fan-out: %d clients x %d channels (of %d), %d samples/s in batches of %d,"
						+ " flush-interval %s, router heap %s, router JVM options [%s], %d client threads%n",
				clients, perClient, channels, rate, batch, flush, heap, routerJvmOptions, loopThreads);

		psql("postgres", "create database " + database);
		Process router = null;
		try (BenchTokens tokens = new BenchTokens(); RespPublisher publisher = new RespPublisher(redis)) {
			psqlFile(database, schema);
			psql(database, "insert into channel (name, data_type, protocol) select 'bench-' || g, 'FLOAT64',"
					+ " 'SIMULATOR' from generate_series(1, " + channels + ") g");
			int port = freePort();
			router = startRouter(jar, heap, routerJvmOptions, port, database, redis, prefix, tokens.jwksUrl(), flush);
			// Metrics go over a client of their own, never over the clients' sockets.
			HttpClient metricsHttp = HttpClient.newHttpClient();
			Process started = router;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
			String adminToken = tokens.token("bench-admin", "ADMIN");
			awaitHealthy(metricsHttp, port, router);

			BenchClient.Counters counters = new BenchClient.Counters();
			LatencyHistogram latencies = counters.latencies();
			LongAdder received = counters.samples();
			LongAdder frames = counters.frames();
			List<ClientLoop> loops = new ArrayList<>();
			for (int i = 0; i < loopThreads; i++) {
				loops.add(new ClientLoop("bench-clients-" + i));
			}
			List<BenchClient> all = connect(loops, port, tokens.token("bench", "OPERATOR"), clients, perClient,
					channels, counters);
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
			Duration cpuBefore = router.info().totalCpuDuration().orElse(Duration.ZERO);
			Duration ownCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
			long start = System.nanoTime();
			double maxHeap = 0;
			for (int s = 0; s < duration; s++) {
				Thread.sleep(1000);
				maxHeap = Math.max(maxHeap, metric(metricsHttp, port, adminToken, "jvm.memory.used?tag=area:heap"));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Duration cpu = router.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
			Duration ownCpu = ProcessHandle.current()
				.info()
				.totalCpuDuration()
				.orElse(Duration.ZERO)
				.minus(ownCpuBefore);
			long unexpected = counters.unexpected().sum();
			scheduler.shutdownNow();

			double coalesced = metric(metricsHttp, port, adminToken, "parx.router.samples.coalesced");
			double slowCloses = metric(metricsHttp, port, adminToken,
					"parx.router.sessions.closed?tag=reason:slow-consumer");
			double sessions = metric(metricsHttp, port, adminToken, "parx.router.sessions");
			String prometheus = text(metricsHttp, port, adminToken, "/actuator/prometheus");
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
					100.0 * cpu.toNanos() / 1e9 / seconds, cpu.toNanos() / 1e9 / seconds,
					Runtime.getRuntime().availableProcessors(), maxHeap / 1048576, heap, coalesced, slowCloses,
					100.0 * ownCpu.toNanos() / 1e9 / seconds);
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
					json(routerLatency[0] * 1000), json(routerLatency[1] * 1000), json(routerLatency[2] * 1000),
					100.0 * cpu.toNanos() / 1e9 / seconds, json(maxHeap / 1048576), json(coalesced), json(slowCloses),
					unexpected, 100.0 * ownCpu.toNanos() / 1e9 / seconds, routerJvmOptions);
			System.out.printf("# machine load average at the end %s%n", loadAverage());
			for (ClientLoop loop : loops) {
				loop.close();
			}
			all.forEach(BenchClient::close);
			if (unexpected > 0) {
				System.out.println("FAILED: clients received samples of channels they did not subscribe to");
				System.exit(1);
			}
		}
		finally {
			if (router != null) {
				router.destroy();
				router.waitFor(30, TimeUnit.SECONDS);
			}
			psql("postgres", "drop database if exists " + database + " with (force)");
		}
		System.exit(0);
	}

	private static List<BenchClient> connect(List<ClientLoop> loops, int port, String token, int clients, int perClient,
			int channels, BenchClient.Counters counters) throws Exception {
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
		Random random = new Random(42);
		List<BenchClient> all = new ArrayList<>();
		long start = System.nanoTime();
		for (int from = 0; from < clients; from += 50) {
			List<CompletableFuture<Void>> wave = new ArrayList<>();
			for (int i = from; i < Math.min(clients, from + 50); i++) {
				List<Long> subscribed = random.longs(1, channels + 1).distinct().limit(perClient).boxed().toList();
				BenchClient client = new BenchClient(subscribed, counters);
				WebSocketHandshake.Upgraded upgraded = openWithRetry(address, token, 3);
				client.attach(upgraded.channel(), upgraded.leftover());
				loops.get(i % loops.size()).add(client);
				all.add(client);
				wave.add(client.subscribedFuture);
			}
			CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		System.out.printf("%d clients connected and subscribed in %.1f s%n", all.size(),
				(System.nanoTime() - start) / 1e9);
		return all;
	}

	/**
	 * A handshake may fail while the router is still warming up (JWKS fetch, JIT): try
	 * again.
	 */
	private static WebSocketHandshake.Upgraded openWithRetry(InetSocketAddress address, String token, int attempts)
			throws IOException {
		for (int attempt = 1;; attempt++) {
			try {
				return WebSocketHandshake.open(address, "/ws", "parx.v1, bearer." + token, 30_000);
			}
			catch (IOException ex) {
				if (attempt >= attempts) {
					throw ex;
				}
				System.out.println("retrying a connection after: " + ex);
			}
		}
	}

	private static Process startRouter(String jar, String heap, String jvmOptions, int port, String database, URI redis,
			String prefix, String jwksUrl, String flush) throws IOException {
		File log = File.createTempFile("parx-router-bench-", ".log");
		System.out.println("router log: " + log);
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx" + heap);
		if (!jvmOptions.isBlank()) {
			command.addAll(List.of(jvmOptions.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar, "--parx.router.flush-interval=" + flush,
				"--logging.level.io.parx.router.session=debug"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("PARX_CONFIG_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
		env.put("PARX_CONFIG_DB_USER", "postgres");
		env.put("PARX_REDIS_URL", redis.toString());
		env.put("PARX_REDIS_PREFIX", prefix);
		env.put("PARX_JWKS_URL", jwksUrl);
		return builder.start();
	}

	private static void awaitHealthy(HttpClient http, int port, Process router) throws Exception {
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.build();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!router.isAlive()) {
				throw new IllegalStateException("the router exited with " + router.exitValue() + "; see its log");
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the router did not become healthy within 3 minutes");
	}

	/** A quantile of the router's own delivery latency timer, in seconds. */
	private static double quantile(String prometheus, String quantile) {
		Matcher matcher = Pattern
			.compile("parx_router_delivery_latency_seconds\\{[^}]*quantile=\"" + Pattern.quote(quantile)
					+ "\"[^}]*} ([0-9.eE+-]+)")
			.matcher(prometheus);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	private static String text(HttpClient http, int port, String token, String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private static double metric(HttpClient http, int port, String token, String name) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/metrics/" + name))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.build();
			String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			Matcher matcher = VALUE.matcher(body);
			return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
		}
		catch (IOException ex) {
			return Double.NaN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

	private static void psql(String database, String sql) throws Exception {
		exec("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qc", sql);
	}

	private static void psqlFile(String database, String file) throws Exception {
		exec("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qf", file);
	}

	private static void exec(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

	/** A number for a JSON summary line: {@code null} when it is not known. */
	private static String json(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? "null"
				: String.format(java.util.Locale.ROOT, "%.1f", value);
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
