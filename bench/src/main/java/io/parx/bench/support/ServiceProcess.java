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
 * separate JVM for a benchmark: its output goes to a log file whose end is shown when it
 * fails to start, and its CPU time can be read so scenarios report what each service
 * cost. Scenarios start the services exactly as production does (the jar and environment
 * variables), never inside the benchmark's own JVM.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String module;

	private final int port;

	private final Path log;

	private final Process process;

	private ServiceProcess(String module, int port, Path log, Process process) {
		this.module = module;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts {@code module}'s jar with {@code SERVER_PORT} set to a free port.
	 * @param module the Maven module, e.g. {@code storage-engine}
	 * @param heap the maximum heap, e.g. {@code 512m}
	 * @param environment PARX_* variables (as in docs/CONFIGURATION.md)
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
		Path jar = jarPath.toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar + " does not exist: build it with ./mvnw -pl " + module + " -am package");
		}
		int port = Bench.freePort();
		Path log = Files.createTempFile("parx-bench-" + module + "-", ".log");
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> env = builder.environment();
		env.putAll(new LinkedHashMap<>(environment));
		env.put("SERVER_PORT", Integer.toString(port));
		Process process = builder.start();
		System.out.printf("# %s on port %d, log %s%n", module, port, log);
		ServiceProcess service = new ServiceProcess(module, port, log, process);
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return service;
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
		return this.process.isAlive();
	}

	/**
	 * Waits until readiness is UP; a service that exits or takes too long fails with its
	 * log's end.
	 */
	public ServiceProcess awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
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

	private boolean ready() throws InterruptedException {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(3))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The CPU time the service's JVM has used so far, in seconds (NaN when unknown). */
	public double cpuSeconds() {
		return this.process.info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e9).orElse(Double.NaN);
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
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, then SIGKILL after 20 seconds. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			kill();
		}
	}

}
