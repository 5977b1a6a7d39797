package io.parx.bench.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.ServiceProcess;

/**
 * Dashboard rendering under live load (issue 14): one dashboard of 40 widgets bound to
 * 500 channels, 5,000 updates per second, in headless Chromium through the real gateway,
 * admin-api, data-router and analytics-engine jars. The updates are published on the
 * Redis live channel, where the collector publishes them, so the browser receives them as
 * from a plant. Measured in the page: frame-to-paint latency (from a WebSocket frame's
 * arrival to the paint that shows it, the app's FramePerf), long tasks, frames per
 * second, and the renderer main thread's busy share of one core (DevTools
 * {@code Performance.getMetrics} TaskDuration). Goal: p99 below 100 ms, main thread under
 * half of one core.
 *
 * <pre>
 * scripts/bench.sh dashboard-render        # builds what it needs, then:
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.parx.bench.web.DashboardRenderBench \
 *     [--rate 5000] [--warmup 15] [--duration 30] [--width 1920] [--height 1080] [--heap 384m]
 * </pre>
 *
 * Run from the repository root after {@code ./mvnw package -DskipTests} (the service jars
 * and the web jar with the built app), with PostgreSQL (5432), TimescaleDB (5433) and
 * Redis (6379) up, and Debian's {@code chromium} and {@code chromium-driver}. Creates and
 * drops {@code parx_bench_web_<run>} and {@code parx_bench_web_ts_<run>}; Redis prefix
 * {@code parx-bench-<run>:}. A screenshot of the measured page goes to
 * {@code bench/target/dashboard-render.png}.
 */
public final class DashboardRenderBench {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private DashboardRenderBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		int rate = Integer.parseInt(options.getOrDefault("rate", "5000"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
		int width = Integer.parseInt(options.getOrDefault("width", "1920"));
		int height = Integer.parseInt(options.getOrDefault("height", "1080"));
		String heap = options.getOrDefault("heap", "384m");
		URI redis = URI.create(options.getOrDefault("redis", "redis://127.0.0.1:6379"));

		String run = HexFormat.of().toHexDigits(new Random().nextInt());
		String prefix = "parx-bench-" + run + ":";
		String password = "bench-" + HexFormat.of().toHexDigits(new Random().nextLong());
		System.out.printf("# machine load average %s%n", Bench.loadAverage());
		System.out.printf(Locale.ROOT,
				"# dashboard render: %d widgets bound to %d channels, %d updates/s, %dx%d px, warm-up %d s, measured %d s%n",
				BenchDashboard.WIDGETS, BenchDashboard.CHANNELS, rate, width, height, warmup, duration);

		String config = BenchDatabases.createConfig("parx_bench_web_" + run);
		String timeseries = null;
		List<ServiceProcess> services = new ArrayList<>();
		List<AutoCloseable> resources = new ArrayList<>();
		Path dataDir = Files.createTempDirectory("parx-bench-web-");
		boolean failed = false;
		try {
			timeseries = BenchDatabases.createTimeseries("parx_bench_web_ts_" + run);
			Map<String, String> env = new LinkedHashMap<>();
			env.put("PARX_CONFIG_DB_URL", config);
			env.put("PARX_CONFIG_DB_USER", "postgres");
			env.put("PARX_TS_DB_URL", timeseries);
			env.put("PARX_TS_DB_USER", "postgres");
			env.put("PARX_REDIS_URL", redis.toString());
			env.put("PARX_REDIS_PREFIX", prefix);
			env.put("PARX_DATA_DIR", dataDir.toString());
			env.put("PARX_ADMIN_USERNAME", "bench-admin");
			env.put("PARX_ADMIN_PASSWORD", password);
			ServiceProcess admin = ServiceProcess.start("admin-api", heap, env).awaitReady(Duration.ofMinutes(3));
			services.add(admin);
			env.put("PARX_JWKS_URL", admin.url() + "/.well-known/jwks.json");
			ServiceProcess router = ServiceProcess.start("data-router", heap, env);
			services.add(router);
			ServiceProcess analytics = ServiceProcess.start("analytics-engine", heap, env);
			services.add(analytics);
			env.put("PARX_ADMIN_API_URL", admin.url());
			env.put("PARX_DATA_ROUTER_URL", router.url());
			env.put("PARX_ANALYTICS_ENGINE_URL", analytics.url());
			ServiceProcess web = ServiceProcess.start("web", heap, env);
			services.add(web);
			for (ServiceProcess service : services) {
				service.awaitReady(Duration.ofMinutes(3));
			}

			String token = login(web.url(), "bench-admin", password);
			List<Long> channelIds = importChannels(web.url(), token, BenchDashboard.CHANNELS);
			long dashboardId = createDashboard(web.url(), token, channelIds);

			LiveLoad load = new LiveLoad(redis, prefix + "live", channelIds, rate);
			resources.add(load);
			RenderProbe page = new RenderProbe(web.url(), width, height);
			resources.add(page);
			page.signIn("bench-admin", password);
			page.open(dashboardId, BenchDashboard.WIDGETS);
			Thread.sleep(Duration.ofSeconds(warmup));

			String loadStart = Bench.loadAverage();
			double browserCpuBefore = RenderProbe.browserCpuSeconds();
			double mainCpuBefore = RenderProbe.rendererMainThreadCpuSeconds();
			long publishedBefore = load.published();
			RenderProbe.MainThread before = page.startWindow();
			long started = System.nanoTime();
			Thread.sleep(Duration.ofSeconds(duration));
			RenderProbe.MainThread after = page.mainThread();
			RenderProbe.Window window = page.endWindow();
			double seconds = (System.nanoTime() - started) / 1e9;
			double browserCpu = (RenderProbe.browserCpuSeconds() - browserCpuBefore) / seconds;
			double mainThreadCpu = (RenderProbe.rendererMainThreadCpuSeconds() - mainCpuBefore) / seconds;
			double published = (load.published() - publishedBefore) / seconds;
			String loadEnd = Bench.loadAverage();
			page.screenshot(Path.of("bench", "target", "dashboard-render.png"));

			double[] latencies = window.frameToPaintMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
			double longest = window.longTasksMs().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			double mainThreadBusy = before.share(after);
			double p99 = quantile(latencies, 0.99);
			System.out.printf(Locale.ROOT,
					"published %.0f updates/s; %d frames painted (%.1f/s); frame-to-paint p50 %.1f ms, p95 %.1f ms,"
							+ " p99 %.1f ms, max %.1f ms; main thread CPU %.1f %% of a core (busy %.1f %% of"
							+ " the time: script %.1f %%, layout %.1f %%, style %.1f %%); %d long tasks (longest %.0f ms); the browser %.1f %% of a core;"
							+ " load %s -> %s%n",
					published, latencies.length, window.frames() / seconds, quantile(latencies, 0.5),
					quantile(latencies, 0.95), p99, latencies.length == 0 ? 0 : latencies[latencies.length - 1],
					100 * mainThreadCpu, 100 * mainThreadBusy,
					100 * (after.scriptSeconds() - before.scriptSeconds()) / seconds,
					100 * (after.layoutSeconds() - before.layoutSeconds()) / seconds,
					100 * (after.styleSeconds() - before.styleSeconds()) / seconds, window.longTasksMs().size(),
					longest, 100 * browserCpu, loadStart, loadEnd);
			boolean passed = latencies.length > 0 && p99 < 100 && mainThreadCpu < 0.5;
			System.out.printf(Locale.ROOT,
					"BENCH {\"scenario\":\"dashboard-render\",\"widgets\":%d,\"channels\":%d,\"updatesPerSecond\":%.0f,"
							+ "\"framesPainted\":%d,\"framesPerSecond\":%s,\"frameToPaintP50Ms\":%s,\"frameToPaintP95Ms\":%s,"
							+ "\"frameToPaintP99Ms\":%s,\"frameToPaintMaxMs\":%s,\"mainThreadCpuPercent\":%s,\"mainThreadBusyPercent\":%s,"
							+ "\"longTasks\":%d,\"longestTaskMs\":%s,\"browserPercent\":%s,\"loadStart\":\"%s\","
							+ "\"loadEnd\":\"%s\",\"passed\":%s}%n",
					BenchDashboard.WIDGETS, BenchDashboard.CHANNELS, published, latencies.length,
					Bench.json(window.frames() / seconds), Bench.json(quantile(latencies, 0.5)),
					Bench.json(quantile(latencies, 0.95)), Bench.json(p99),
					Bench.json(latencies.length == 0 ? 0 : latencies[latencies.length - 1]),
					Bench.json(100 * mainThreadCpu), Bench.json(100 * mainThreadBusy), window.longTasksMs().size(),
					Bench.json(longest), Bench.json(100 * browserCpu), loadStart, loadEnd, passed);
			failed = !passed;
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
		}
		System.exit(failed ? 1 : 0);
	}

	private static String login(String base, String username, String password) throws Exception {
		JsonNode answer = send(base, "POST", "/api/v1/auth/login", null,
				Map.of("username", username, "password", password), 200);
		return answer.get("accessToken").asText();
	}

	/**
	 * Simulator channels {@code Bench.Render.0000…}, created through the import endpoint.
	 */
	private static List<Long> importChannels(String base, String token, int count) throws Exception {
		List<Map<String, Object>> channels = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			channels.add(Map.of("name", String.format(Locale.ROOT, "Bench.Render.%04d", i), "dataType", "FLOAT64",
					"protocol", "SIMULATOR", "unit", "bar", "tags", List.of("bench"), "settings",
					Map.of("waveform", "SINE")));
		}
		JsonNode result = send(base, "POST", "/api/v1/io/channels/import", token, channels, 200);
		if (result.get("created").asInt() != count) {
			throw new IllegalStateException("channel import: " + result);
		}
		List<Long> ids = new ArrayList<>();
		for (int page = 0; ids.size() < count; page++) {
			JsonNode answer = send(base, "GET", "/api/v1/io/channels?tag=bench&sort=name&size=500&page=" + page, token,
					null, 200);
			answer.get("content").forEach((channel) -> ids.add(channel.get("id").asLong()));
			if (answer.get("content").isEmpty()) {
				throw new IllegalStateException("found " + ids.size() + " of " + count + " channels");
			}
		}
		return ids;
	}

	private static long createDashboard(String base, String token, List<Long> channelIds) throws Exception {
		return send(base, "POST", "/api/v1/dashboards", token, BenchDashboard.request("Render bench", channelIds), 201)
			.get("id")
			.asLong();
	}

	private static JsonNode send(String base, String method, String path, String token, Object body, int expected)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return JSON.readTree(response.body());
	}

	private static double quantile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	private static void closeQuietly(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			System.err.println("# closing " + resource + ": " + ex);
		}
	}

}
