package io.parx.bench.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parx.bench.support.Bench;

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
 *     [--rate 5000] [--warmup 15] [--duration 30] [--width 1920] [--height 1080] [--heap 384m] [--profile 0]
 * </pre>
 *
 * {@code --profile N} records N seconds of a DevTools CPU profile after the measured
 * window (so the sampler does not distort the figures) to
 * {@code bench/target/dashboard-render.cpuprofile};
 * {@code node bench/scripts/cpuprofile-summary.mjs} summarises it (where the main
 * thread's time goes: rendering, script by function, GC).
 *
 * Run from the repository root after {@code ./mvnw package -DskipTests} (the service jars
 * and the web jar with the built app), with PostgreSQL (5432), TimescaleDB (5433) and
 * Redis (6379) up, and Debian's {@code chromium} and {@code chromium-driver}. Creates and
 * drops {@code parx_bench_web_<run>} and {@code parx_bench_web_ts_<run>}; Redis prefix
 * {@code parx-bench-<run>:}. A screenshot of the measured page goes to
 * {@code bench/target/dashboard-render.png}.
 */
public final class DashboardRenderBench {

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
		int profile = Integer.parseInt(options.getOrDefault("profile", "0"));
		URI redis = URI.create(options.getOrDefault("redis", "redis://127.0.0.1:6379"));

		System.out.printf("# machine load average %s%n", Bench.loadAverage());
		System.out.printf(Locale.ROOT,
				"# dashboard render: %d widgets bound to %d channels, %d updates/s, %dx%d px, warm-up %d s, measured %d s%n",
				BenchDashboard.WIDGETS, BenchDashboard.CHANNELS, rate, width, height, warmup, duration);
		boolean passed;
		try (WebStack stack = new WebStack(redis, heap)) {
			passed = measure(stack, redis, rate, warmup, duration, width, height, profile);
		}
		System.exit(passed ? 0 : 1);
	}

	/**
	 * Opens the dashboard under load and prints the figures; whether the goals were met.
	 */
	private static boolean measure(WebStack stack, URI redis, int rate, int warmup, int duration, int width, int height,
			int profile) throws Exception {
		List<Long> channelIds = stack.importChannels("Bench.Render", BenchDashboard.CHANNELS);
		long dashboardId = stack
			.send("POST", "/api/v1/dashboards", BenchDashboard.request("Render bench", channelIds), 201)
			.get("id")
			.asLong();
		try (LiveLoad load = new LiveLoad(redis, stack.redisPrefix + "live", channelIds, rate);
				RenderProbe page = new RenderProbe(stack.url(), width, height)) {
			page.signIn(WebStack.ADMIN, stack.password);
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
			int inView = page.widgetsInView();

			double[] latencies = window.frameToPaintMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
			double longest = window.longTasksMs().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			double mainThreadBusy = before.share(after);
			double p99 = quantile(latencies, 0.99);
			System.out.printf(Locale.ROOT,
					"%d of %d widgets on screen; published %.0f updates/s; %d frames painted (%.1f/s); frame-to-paint p50 %.1f ms, p95 %.1f ms,"
							+ " p99 %.1f ms, max %.1f ms; main thread CPU %.1f %% of a core (busy %.1f %% of"
							+ " the time: script %.1f %%, layout %.1f %%, style %.1f %%); %d long tasks (longest %.0f ms); the browser %.1f %% of a core;"
							+ " load %s -> %s%n",
					inView, BenchDashboard.WIDGETS, published, latencies.length, window.frames() / seconds,
					quantile(latencies, 0.5), quantile(latencies, 0.95), p99,
					latencies.length == 0 ? 0 : latencies[latencies.length - 1], 100 * mainThreadCpu,
					100 * mainThreadBusy, 100 * (after.scriptSeconds() - before.scriptSeconds()) / seconds,
					100 * (after.layoutSeconds() - before.layoutSeconds()) / seconds,
					100 * (after.styleSeconds() - before.styleSeconds()) / seconds, window.longTasksMs().size(),
					longest, 100 * browserCpu, loadStart, loadEnd);
			if (profile > 0) {
				Path file = Path.of("bench", "target", "dashboard-render.cpuprofile");
				page.profile(Duration.ofSeconds(profile), file);
				System.out.printf("# CPU profile of %d s: %s (node bench/scripts/cpuprofile-summary.mjs %s)%n", profile,
						file, file);
			}
			boolean passed = latencies.length > 0 && p99 < 100 && mainThreadCpu < 0.5;
			System.out.printf(Locale.ROOT,
					"BENCH {\"scenario\":\"dashboard-render\",\"widgets\":%d,\"widgetsOnScreen\":%d,\"channels\":%d,\"updatesPerSecond\":%.0f,"
							+ "\"framesPainted\":%d,\"framesPerSecond\":%s,\"frameToPaintP50Ms\":%s,\"frameToPaintP95Ms\":%s,"
							+ "\"frameToPaintP99Ms\":%s,\"frameToPaintMaxMs\":%s,\"mainThreadCpuPercent\":%s,\"mainThreadBusyPercent\":%s,"
							+ "\"longTasks\":%d,\"longestTaskMs\":%s,\"browserPercent\":%s,\"loadStart\":\"%s\","
							+ "\"loadEnd\":\"%s\",\"passed\":%s}%n",
					BenchDashboard.WIDGETS, inView, BenchDashboard.CHANNELS, published, latencies.length,
					Bench.json(window.frames() / seconds), Bench.json(quantile(latencies, 0.5)),
					Bench.json(quantile(latencies, 0.95)), Bench.json(p99),
					Bench.json(latencies.length == 0 ? 0 : latencies[latencies.length - 1]),
					Bench.json(100 * mainThreadCpu), Bench.json(100 * mainThreadBusy), window.longTasksMs().size(),
					Bench.json(longest), Bench.json(100 * browserCpu), loadStart, loadEnd, passed);
			return passed;
		}
	}

	private static double quantile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

}
