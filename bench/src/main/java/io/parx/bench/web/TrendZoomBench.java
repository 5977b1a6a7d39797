package io.parx.bench.web;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;

/**
 * Zooming a year of history in the trend viewer (issue 15): 10 channels over a year,
 * shown about 1,600 px wide, zoomed by dragging boxes with the mouse in headless Chromium
 * through the real gateway and analytics engine. Measured in the page from the gesture's
 * mouse-up to the paint after the chart drew the answer to the query the gesture caused
 * (server + transfer + render; the app's ViewPerf): p50/p99 over many random zooms. Then
 * the year-wide view is panned with the arrow keys while long tasks are counted. Goals:
 * p99 under 300 ms; no long task over 100 ms while panning.
 *
 * <p>
 * The history is generated as the analytics latency scenario does: a year of hourly and
 * 10-minute rollups for 10 channels (what views wider than 11 days read), 90 days of
 * minute rollups and 2 days of 1 Hz raw samples and 10 s rollups for all 10 (what the
 * zoomed views read; the boxes stay at the recent end so every zoom lands on data). A
 * year of raw 1 Hz for 10 channels (315M rows) is never read at these widths: the query
 * picks the rollup that fits the plot's pixels.
 *
 * <pre>
 * scripts/bench.sh trend-zoom [--zooms 60] [--pans 20] [--width 2040] [--height 1080]   (a 1,600 px plot)
 * </pre>
 */
public final class TrendZoomBench {

	private static final int CHANNELS = 10;

	private static final String MOUSE_UP = """
			window.__zoomGestureAt = 0;
			window.addEventListener("mouseup", () => (window.__zoomGestureAt = performance.now()), true);
			window.addEventListener("dblclick", () => (window.__zoomGestureAt = performance.now()), true);
			window.addEventListener("keydown", () => (window.__zoomGestureAt = performance.now()), true);
			window.__longTasks = [];
			new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration)))
			  .observe({ type: "longtask" });
			""";

	/**
	 * Milliseconds from the gesture to the paint of its answer, or -1 while not there
	 * yet.
	 */
	private static final String LATENCY = """
			const p = window.parxTrendPerf;
			return p.answers > arguments[0] && p.paintedAt > p.answeredAt && window.__zoomGestureAt > 0
			  ? p.paintedAt - window.__zoomGestureAt : -1;
			""";

	private TrendZoomBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		int zooms = Integer.parseInt(options.getOrDefault("zooms", "60"));
		int pans = Integer.parseInt(options.getOrDefault("pans", "20"));
		int width = Integer.parseInt(options.getOrDefault("width", "2040"));
		int height = Integer.parseInt(options.getOrDefault("height", "1080"));
		String heap = options.getOrDefault("heap", "384m");
		URI redis = URI.create(options.getOrDefault("redis", "redis://127.0.0.1:6379"));
		System.out.printf("# machine load average %s%n", Bench.loadAverage());
		boolean passed;
		try (WebStack stack = new WebStack(redis, heap)) {
			List<Long> ids = stack.importChannels("Bench.Zoom", CHANNELS);
			Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
			generate(stack.timeseries, ids, end);
			try (RenderProbe page = new RenderProbe(stack.url(), width, height)) {
				page.signIn(WebStack.ADMIN, stack.password);
				passed = measure(page, ids, end, zooms, pans);
			}
		}
		System.exit(passed ? 0 : 1);
	}

	private static void generate(String timeseries, List<Long> ids, Instant end) throws Exception {
		long t0 = System.nanoTime();
		Long[] channels = ids.toArray(Long[]::new);
		String rollup = "insert into %s select c, b, %d, 50 * %d, 30, 70, b, 50, b + interval '%d seconds', 50, 50 * %d "
				+ "from unnest(?::bigint[]) c, generate_series(?::timestamptz, ?::timestamptz - interval '%s', "
				+ "interval '%s') b";
		try (Connection connection = BenchDatabases.connect(timeseries)) {
			try (PreparedStatement raw = connection
				.prepareStatement("insert into samples (channel_id, time, value_num) "
						+ "select c, t, 50 + 20 * sin(extract(epoch from t) / 3600 + c) + random() "
						+ "from unnest(?::bigint[]) c, generate_series(?::timestamptz, ?::timestamptz - interval '1 second', "
						+ "interval '1 second') t")) {
				run(raw, connection, channels, end.minus(2, ChronoUnit.DAYS), end);
			}
			try (PreparedStatement tens = connection
				.prepareStatement(String.format(rollup, "rollup_10s", 10, 10, 9, 9, "10 seconds", "10 seconds"))) {
				run(tens, connection, channels, end.minus(2, ChronoUnit.DAYS), end);
			}
			try (PreparedStatement minutes = connection
				.prepareStatement(String.format(rollup, "rollup_1m", 60, 60, 59, 59, "1 minute", "1 minute"))) {
				run(minutes, connection, channels, end.minus(90, ChronoUnit.DAYS), end);
			}
			try (PreparedStatement tenMinutes = connection.prepareStatement(
					String.format(rollup, "rollup_10m", 600, 600, 599, 599, "10 minutes", "10 minutes"))) {
				run(tenMinutes, connection, channels, end.minus(365, ChronoUnit.DAYS), end);
			}
			try (PreparedStatement hours = connection
				.prepareStatement(String.format(rollup, "rollup_1h", 3600, 3600, 3599, 3599, "1 hour", "1 hour"))) {
				run(hours, connection, channels, end.minus(365, ChronoUnit.DAYS), end);
			}
			try (Statement analyze = connection.createStatement()) {
				analyze.execute("analyze");
			}
		}
		System.out.printf(Locale.ROOT,
				"# generated 2 days raw and 10 s rollups, 90 days of minute and a year of 10-minute and hourly"
						+ " rollups for %d" + " channels in %.1f s%n",
				ids.size(), (System.nanoTime() - t0) / 1e9);
	}

	private static void run(PreparedStatement statement, Connection connection, Long[] channels, Instant from,
			Instant to) throws Exception {
		statement.setArray(1, connection.createArrayOf("bigint", channels));
		statement.setString(2, from.toString());
		statement.setString(3, to.toString());
		statement.executeUpdate();
	}

	private static boolean measure(RenderProbe page, List<Long> ids, Instant end, int zooms, int pans)
			throws Exception {
		String channels = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		page.get("/trends?c=" + channels + "&from=" + end.minus(365, ChronoUnit.DAYS) + "&to=" + end);
		WebElement plot = page.await(Duration.ofSeconds(60))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=trend-plot] .u-over")));
		page.await(Duration.ofSeconds(60))
			.until((d) -> ((Number) page.script("return window.parxTrendPerf ? window.parxTrendPerf.answers : 0"))
				.longValue() > 0);
		page.script(MOUSE_UP);
		int plotWidth = plot.getSize().getWidth();
		System.out.printf(Locale.ROOT, "# trend viewer: %d channels, a year wide, plot %d px%n", ids.size(), plotWidth);

		Random random = new Random(42);
		List<Double> latencies = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		double span = 365 * 86_400;
		for (int i = 0; i < zooms; i++) {
			long before = answers(page);
			if (span < 15 * 60) {
				new Actions(page.driver()).doubleClick(plot).perform();
				span = 365 * 86_400;
			}
			else {
				double fraction = 0.1 + 0.5 * random.nextDouble();
				// Boxes end at the right edge, so every view keeps the recent end where
				// all the resolutions are.
				int to = plotWidth - 2;
				int from = Math.max(1, to - (int) (plotWidth * fraction));
				drag(page, plot, from, to);
				span *= (to - from) / (double) plotWidth;
			}
			latencies.add(await(page, before));
			sources.add(page.driver().findElement(By.cssSelector("[data-testid=trend-source]")).getText());
			System.out.printf(Locale.ROOT, "zoom %2d: %6.0f ms, %s wide, %s, %.0f kB%n", i + 1, latencies.getLast(),
					Duration.ofSeconds((long) span), sources.getLast(), answerBytes(page) / 1000.0);
		}
		List<Double> zoomLongTasks = longTasks(page);

		// Panning a year-wide view: a quarter of the width per arrow key, each asking
		// again.
		long before = answers(page);
		new Actions(page.driver()).doubleClick(plot).perform();
		await(page, before);
		page.script("window.__longTasks = []");
		plot.findElement(By.xpath("./ancestor::*[@data-testid='trend-plot']")).click();
		List<Double> panLatencies = new ArrayList<>();
		for (int i = 0; i < pans; i++) {
			before = answers(page);
			page.driver()
				.findElement(By.cssSelector("[data-testid=trend-plot]"))
				.sendKeys((i % 2 == 0) ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT);
			panLatencies.add(await(page, before));
		}
		List<Double> panLongTasks = longTasks(page);
		page.screenshot(Path.of("bench", "target", "trend-zoom.png"));

		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] panSorted = panLatencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double longestPan = panLongTasks.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		double longestZoom = zoomLongTasks.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		Map<String, Long> bySource = sources.stream()
			.map((s) -> s.replaceAll("\\s*·.*", "").strip())
			.collect(Collectors.groupingBy((s) -> s, Collectors.counting()));
		System.out.printf(Locale.ROOT,
				"%d zooms: gesture to painted answer p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; %d pans of the"
						+ " year: p50 %.0f ms, p99 %.0f ms; long tasks: %d while zooming (longest %.0f ms), %d while"
						+ " panning (longest %.0f ms); answers by source %s%n",
				sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.95), quantile(sorted, 0.99), max(sorted),
				panSorted.length, quantile(panSorted, 0.5), quantile(panSorted, 0.99), zoomLongTasks.size(),
				longestZoom, panLongTasks.size(), longestPan, bySource);
		boolean passed = quantile(sorted, 0.99) < 300 && longestPan <= 100;
		System.out.printf(Locale.ROOT,
				"BENCH {\"scenario\":\"trend-zoom\",\"channels\":%d,\"plotWidth\":%d,\"zooms\":%d,\"p50Ms\":%s,"
						+ "\"p95Ms\":%s,\"p99Ms\":%s,\"maxMs\":%s,\"pans\":%d,\"panP50Ms\":%s,\"panP99Ms\":%s,"
						+ "\"longTasksZooming\":%d,\"longestZoomingMs\":%s,\"longTasksPanning\":%d,"
						+ "\"longestPanningMs\":%s,\"load\":\"%s\",\"passed\":%s}%n",
				ids.size(), plotWidth, sorted.length, Bench.json(quantile(sorted, 0.5)),
				Bench.json(quantile(sorted, 0.95)), Bench.json(quantile(sorted, 0.99)), Bench.json(max(sorted)),
				panSorted.length, Bench.json(quantile(panSorted, 0.5)), Bench.json(quantile(panSorted, 0.99)),
				zoomLongTasks.size(), Bench.json(longestZoom), panLongTasks.size(), Bench.json(longestPan),
				Bench.loadAverage(), passed);
		return passed;
	}

	/**
	 * A box dragged over the plot from x {@code from} to {@code to} (pixels from its left
	 * edge).
	 */
	private static void drag(RenderProbe page, WebElement plot, int from, int to) {
		int center = plot.getSize().getWidth() / 2;
		Actions actions = new Actions(page.driver()).moveToElement(plot, from - center, 0).clickAndHold();
		int steps = 4;
		for (int s = 1; s <= steps; s++) {
			actions.moveByOffset((to - from) / steps, s == steps ? 0 : 1);
		}
		actions.release().perform();
	}

	/**
	 * The size of the last history answer as parsed (decoded, without the gateway's
	 * headers), from the page's resource timing.
	 */
	private static double answerBytes(RenderProbe page) {
		return ((Number) page
			.script("""
					const e = performance.getEntriesByType("resource")
					  .filter((r) => r.name.includes("/api/v1/analytics/chart") || r.name.includes("/api/v1/analytics/query"))
					  .pop();
					performance.clearResourceTimings();
					return e ? e.decodedBodySize : 0;
					"""))
			.doubleValue();
	}

	private static long answers(RenderProbe page) {
		return ((Number) page.script("return window.parxTrendPerf.answers")).longValue();
	}

	private static double await(RenderProbe page, long answersBefore) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			double latency = ((Number) page.script(LATENCY, answersBefore)).doubleValue();
			if (latency >= 0) {
				return latency;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("no new answer painted within 20 s");
	}

	@SuppressWarnings("unchecked")
	private static List<Double> longTasks(RenderProbe page) {
		return ((List<Number>) page.script("return window.__longTasks")).stream().map(Number::doubleValue).toList();
	}

	private static double quantile(double[] sorted, double q) {
		return (sorted.length == 0) ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	private static double max(double[] sorted) {
		return (sorted.length == 0) ? 0 : sorted[sorted.length - 1];
	}

}
