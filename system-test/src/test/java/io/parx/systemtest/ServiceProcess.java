package io.parx.systemtest;

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

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * One ParX service started from its built jar ({@code <module>/target/<module>.jar}) as a
 * separate JVM, with its output in a log file that is printed when it fails to start.
 */
final class ServiceProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path jar;

	private final Path log;

	private final Map<String, String> environment;

	private Process process;

	ServiceProcess(String name, int port, Path jar, Path log, Map<String, String> environment) {
		this.name = name;
		this.port = port;
		this.jar = jar;
		this.log = log;
		this.environment = new LinkedHashMap<>(environment);
		this.environment.put("SERVER_PORT", Integer.toString(port));
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	synchronized void start() throws IOException {
		if (!Files.isRegularFile(this.jar)) {
			throw new AssertionError(this.jar + " does not exist: build it with ./mvnw -pl system-test -am verify");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-XX:ActiveProcessorCount=2", "-jar", this.jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(this.environment);
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		this.process = builder.start();
	}

	boolean ready() {
		try {
			HttpResponse<Void> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	/** Waits for readiness UP; on failure the assertion carries the end of the log. */
	void awaitReady(Duration timeout) {
		try {
			await(this.name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!alive()) {
					throw new AssertionError(this.name + " exited with " + this.process.exitValue());
				}
				return ready();
			});
		}
		catch (ConditionTimeoutException | AssertionError ex) {
			throw new AssertionError(this.name + " did not become ready: " + ex.getMessage() + "\n--- last lines of "
					+ this.log + " ---\n" + tail(80), ex);
		}
	}

	/** SIGKILL, no shutdown hooks, no graceful anything. */
	void kill() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** SIGTERM, then SIGKILL after 20 s. */
	void stop() {
		if (this.process == null) {
			return;
		}
		try {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** For shutdown hooks: kill at once. */
	void destroyNow() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

}
