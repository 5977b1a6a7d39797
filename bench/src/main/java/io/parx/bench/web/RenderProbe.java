package io.parx.bench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page under measurement: Debian's Chromium, headless, driven by Debian's
 * chromedriver (as the browser tests; never downloaded). Figures come from the page
 * itself: the app's frame-to-paint recorder ({@code window.parxPerf}, FramePerf.ts), long
 * tasks from a {@code PerformanceObserver}, frames from a requestAnimationFrame counter,
 * and the renderer main thread's busy time from the DevTools protocol
 * ({@code Performance.getMetrics} TaskDuration).
 */
final class RenderProbe implements AutoCloseable {

	/** Busy time and wall time of the page's main thread, from the DevTools protocol. */
	record MainThread(double taskSeconds, double scriptSeconds, double layoutSeconds, double styleSeconds,
			double timestampSeconds) {

		double share(MainThread later) {
			return (later.taskSeconds - this.taskSeconds) / (later.timestampSeconds - this.timestampSeconds);
		}

	}

	/** What the page recorded in the measured window. */
	record Window(List<Double> frameToPaintMs, List<Double> longTasksMs, long frames) {
	}

	private static final String INSTALL = """
			window.__bench = { longTasks: [], frames: 0 };
			new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__bench.longTasks.push(e.duration)))
			  .observe({ type: "longtask" });
			const tick = () => { window.__bench.frames++; requestAnimationFrame(tick); };
			requestAnimationFrame(tick);
			""";

	/** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
	private static final int CLOCK_TICKS = 100;

	private final ChromeDriver driver;

	private final String base;

	RenderProbe(String base, int width, int height) throws IOException {
		this.base = base;
		Path chromium = Path.of(System.getenv().getOrDefault("PARX_CHROMIUM", "/usr/bin/chromium"));
		Path chromedriver = Path.of(System.getenv().getOrDefault("PARX_CHROMEDRIVER", "/usr/bin/chromedriver"));
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--window-size=" + width + "," + height,
				"--user-data-dir=" + Files.createTempDirectory("parx-bench-profile-"));
		this.driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build(), options);
	}

	void signIn(String username, String password) {
		this.driver.get(this.base + "/signin");
		await(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		await(Duration.ofSeconds(30)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("[data-testid=current-user]"), username));
	}

	/** Opens the dashboard and waits until live values are being painted. */
	void open(long dashboardId, int widgets) {
		this.driver.get(this.base + "/dashboards/" + dashboardId);
		await(Duration.ofSeconds(60))
			.until((d) -> d.findElements(By.cssSelector(".react-grid-item")).size() >= widgets);
		await(Duration.ofSeconds(60))
			.until((d) -> ((Number) script("return window.parxPerf ? window.parxPerf.snapshot().length : 0"))
				.longValue() > 0);
		this.driver.executeCdpCommand("Performance.enable", Map.of("timeDomain", "timeTicks"));
	}

	/** Starts a measured window: clears the page's recorders. */
	MainThread startWindow() {
		script(INSTALL);
		script("window.parxPerf.reset()");
		return mainThread();
	}

	@SuppressWarnings("unchecked")
	Window endWindow() {
		List<Number> latencies = (List<Number>) script("return window.parxPerf.snapshot()");
		List<Number> longTasks = (List<Number>) script("return window.__bench.longTasks");
		long frames = ((Number) script("return window.__bench.frames")).longValue();
		return new Window(latencies.stream().map(Number::doubleValue).toList(),
				longTasks.stream().map(Number::doubleValue).toList(), frames);
	}

	@SuppressWarnings("unchecked")
	MainThread mainThread() {
		Map<String, Object> answer = this.driver.executeCdpCommand("Performance.getMetrics", Map.of());
		Map<String, Double> metrics = new java.util.HashMap<>();
		for (Map<String, Object> metric : (List<Map<String, Object>>) answer.get("metrics")) {
			metrics.put((String) metric.get("name"), ((Number) metric.get("value")).doubleValue());
		}
		return new MainThread(metrics.getOrDefault("TaskDuration", 0.0), metrics.getOrDefault("ScriptDuration", 0.0),
				metrics.getOrDefault("LayoutDuration", 0.0), metrics.getOrDefault("RecalcStyleDuration", 0.0),
				metrics.getOrDefault("Timestamp", 0.0));
	}

	/**
	 * CPU seconds the renderers' main threads have used (user + system, from
	 * {@code /proc/<pid>/task/<pid>/stat} of this benchmark's Chromium processes started
	 * with {@code --type=renderer}): unlike the DevTools task durations, not stretched
	 * when the machine is busy and the thread waits for a core.
	 */
	static double rendererMainThreadCpuSeconds() {
		return ProcessHandle.current()
			.descendants()
			.filter((process) -> commandLine(process.pid()).contains("--type=renderer"))
			.mapToDouble((process) -> mainThreadCpuSeconds(process.pid()))
			.sum();
	}

	/**
	 * The process's command line as the kernel shows it: Chromium's zygote rewrites its
	 * children's, which {@link ProcessHandle.Info#commandLine()} then does not report.
	 */
	private static String commandLine(long pid) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static double mainThreadCpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "stat"));
			// Fields after the command name in parentheses: state is field 3, utime 14,
			// stime 15.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * CPU seconds used by this benchmark's browser (chromedriver and every Chromium
	 * process).
	 */
	static double browserCpuSeconds() {
		return ProcessHandle.current()
			.descendants()
			.filter((process) -> process.info().command().map((command) -> command.contains("chrom")).orElse(false))
			.mapToDouble((process) -> process.info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e9).orElse(0.0))
			.sum();
	}

	/**
	 * How many widget cards are at least partly on screen (the ones whose values the page
	 * keeps drawing; the others wait until they are scrolled to).
	 */
	int widgetsInView() {
		return ((Number) script(
				"""
						return [...document.querySelectorAll('.widget')].filter((card) => {
						  const box = card.getBoundingClientRect();
						  return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
						}).length"""))
			.intValue();
	}

	/**
	 * Records a DevTools CPU profile of the page for the given time and writes it to the
	 * file (the {@code .cpuprofile} format Chromium's DevTools and
	 * {@code bench/scripts/cpuprofile-summary.mjs} read). The sampler itself costs the
	 * page a few per cent, so a profiled run is for finding where the time goes, not for
	 * the figures.
	 */
	void profile(Duration duration, Path file) throws IOException, InterruptedException {
		this.driver.executeCdpCommand("Profiler.enable", Map.of());
		// 1 ms between samples: enough to tell style, layout and paint apart over
		// seconds.
		this.driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 1000));
		this.driver.executeCdpCommand("Profiler.start", Map.of());
		Thread.sleep(duration);
		Object profile = this.driver.executeCdpCommand("Profiler.stop", Map.of()).get("profile");
		this.driver.executeCdpCommand("Profiler.disable", Map.of());
		Files.createDirectories(file.toAbsolutePath().getParent());
		new ObjectMapper().writeValue(file.toFile(), profile);
	}

	void screenshot(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void get(String path) {
		this.driver.get(this.base + path);
	}

	WebDriverWait await(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.pollingEvery(Duration.ofMillis(200));
		return wait;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
