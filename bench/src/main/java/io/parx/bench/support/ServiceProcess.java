package io.parx.bench.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One ParX service started from its built jar ({@code <module>/target/<module>.jar}) as a
 * separate JVM: its output goes to a log file whose end is shown when it fails to start,
 * its CPU time can be read so scenarios report what each service cost, and it can be
 * killed and started again on the same port and log (the system test's faults).
 * Benchmarks and the system test start the services exactly as production does (the jar
 * and environment variables), never inside their own JVM.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String module;

	private final int port;

	private final Path jar;

	private final Path log;

	private final List<String> command;

	private final Map<String, String> environment;

	private volatile Process process;

	/**
	 * A service that {@link #start()} starts.
	 * @param module the Maven module, e.g. {@code storage-engine}
	 * @param port its {@code SERVER_PORT}
	 * @param jar the jar to run
	 * @param log the file its output is appended to
	 * @param jvmOptions e.g. {@code -Xmx512m}
	 * @param environment PARX_* variables (as in the README's configuration table)
	 * @param arguments extra {@code --property=value} arguments
	 */
	public ServiceProcess(String module, int port, Path jar, Path log, List<String> jvmOptions,
			Map<String, String> environment, String... arguments) {
		this.module = module;
		this.port = port;
		this.jar = jar.toAbsolutePath();
		this.log = log;
		this.command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
		this.command.addAll(jvmOptions);
		this.command.addAll(List.of("-jar", this.jar.toString()));
		this.command.addAll(List.of(arguments));
		this.environment = new LinkedHashMap<>(environment);
		this.environment.put("SERVER_PORT", Integer.toString(port));
	}

	/**
	 * Starts {@code module}'s jar on a free port, its log in a temporary file.
	 * @param module the Maven module, e.g. {@code storage-engine}
	 * @param heap the maximum heap, e.g. {@code 512m}
	 * @param environment PARX_* variables
	 * @param arguments extra {@code --property=value} arguments
	 */
	public static ServiceProcess start(String module, String heap, Map<String, String> environment, String... arguments)
			throws IOException {
		return start(Path.of(module, "target", module + ".jar"), module, heap, List.of(), environment, arguments);
	}

	/**
	 * Starts a given jar of {@code module} (e.g. another build of it) with extra JVM
	 * options (e.g. {@code -XX:+UseZGC}); otherwise as
	 * {@link #start(String, String, Map, String...)}.
	 */
	public static ServiceProcess start(Path jarPath, String module, String heap, List<String> jvmOptions,
			Map<String, String> environment, String... arguments) throws IOException {
		List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
		options.addAll(jvmOptions);
		ServiceProcess service = new ServiceProcess(module, Bench.freePort(), jarPath,
				Files.createTempFile("parx-bench-" + module + "-", ".log"), options, environment, arguments);
		service.start();
		Runtime.getRuntime().addShutdownHook(new Thread(service::destroyNow));
		System.out.printf("# %s on port %d, log %s%n", module, service.port, service.log);
		return service;
	}

	/** Starts the JVM; after {@link #kill()} or {@link #close()}, starts it again. */
	public synchronized void start() throws IOException {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(
					this.jar + " does not exist: build it with ./mvnw -pl " + this.module + " -am package");
		}
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		this.process = builder.start();
	}

	public String module() {
		return this.module;
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public Path log() {
		return this.log;
	}

	public boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Waits until readiness is UP; a service that exits or takes too long fails with its
	 * log's end.
	 */
	public ServiceProcess awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!alive()) {
				throw new IllegalStateException(
						this.module + " exited with " + this.process.exitValue() + "; last lines:\n" + tail(60));
			}
			if (ready()) {
				return this;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(
				this.module + " was not ready within " + timeout + "; last lines:\n" + tail(60));
	}

	/** Whether its readiness is UP right now. */
	public boolean ready() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(3))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The CPU time the service's JVM has used so far, in seconds (NaN when unknown). */
	public double cpuSeconds() {
		return (this.process == null) ? Double.NaN
				: this.process.info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e9).orElse(Double.NaN);
	}

	/**
	 * The CPU time the service's JVM has used so far, in seconds, by thread name with its
	 * trailing number dropped ({@code GC Thread#0} and {@code GC Thread#1} are one
	 * {@code GC Thread}), so a scenario can tell its service's own thread from garbage
	 * collection and JIT compilation. Read from Linux's
	 * {@code /proc/<pid>/task/<tid>/stat} (utime + stime, in clock ticks of 1/100 s;
	 * names cut to 15 characters); empty where that is not available. Threads that ended
	 * are not counted.
	 */
	public Map<String, Double> cpuSecondsByThread() {
		Map<String, Double> threads = new java.util.TreeMap<>();
		Process current = this.process;
		if (current == null) {
			return threads;
		}
		try (var tasks = Files.list(Path.of("/proc", Long.toString(current.pid()), "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ex) {
					continue; // the thread ended meanwhile
				}
				// pid (comm) state ppid ... field 14 utime, 15 stime; comm may hold
				// spaces
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
					.replaceAll("[#-]?[0-9]+$", "");
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
				threads.merge(name, seconds, Double::sum);
			}
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		return threads;
	}

	/**
	 * The body of an authenticated GET, e.g. {@code /actuator/prometheus}; empty on
	 * failure.
	 */
	public String get(String path, String token) throws InterruptedException {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			return "";
		}
	}

	public String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** SIGKILL: no shutdown hooks, nothing flushed. */
	public void kill() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** SIGTERM, then SIGKILL after 20 seconds. */
	@Override
	public void close() {
		if (this.process == null) {
			return;
		}
		try {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** For shutdown hooks: SIGKILL at once, without waiting. */
	public void destroyNow() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

}
