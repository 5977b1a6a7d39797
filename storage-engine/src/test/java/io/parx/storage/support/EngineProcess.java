package io.parx.storage.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.api.StatefulRedisConnection;
import io.parx.common.redis.RedisKeys;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestServices;
import io.parx.storage.StorageEngineApplication;

import static org.awaitility.Awaitility.await;

/**
 * The storage engine as a child JVM (the application's main class on the test class path,
 * as the collector's process tests do), for tests that kill it: started, killed with
 * SIGKILL, stopped with SIGTERM and started again on the same port.
 */
public final class EngineProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> command;

	private final Path log;

	private final int port;

	private final String name;

	private Process process;

	private int starts;

	/**
	 * @param name the consumer name: the same after a restart, so it drains its own
	 * pending entries
	 * @param extra more arguments (settings)
	 */
	public EngineProcess(TestDatabase configDb, TestDatabase timeseriesDb, String jwksUrl, RedisKeys keys, Path dir,
			String name, String... extra) throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		this.name = name;
		this.log = dir.resolve("storage-engine-" + name + ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), StorageEngineApplication.class.getName(),
				"--server.port=" + this.port, "--spring.datasource.url=" + timeseriesDb.jdbcUrl(),
				"--spring.datasource.username=" + timeseriesDb.username(),
				"--spring.datasource.password=" + timeseriesDb.password(),
				"--parx.storage.config-db.url=" + configDb.jdbcUrl(),
				"--parx.storage.config-db.username=" + configDb.username(),
				"--parx.storage.config-db.password=" + configDb.password(),
				"--spring.data.redis.url=" + TestServices.redis().url(), "--parx.redis.prefix=" + keys.prefix(),
				"--parx.security.jwks-url=" + jwksUrl, "--parx.storage.ingest.consumer-name=" + name,
				// many small batches: many commits for a kill to fall between
				"--parx.storage.ingest.flush-points=1000", "--parx.storage.ingest.flush-interval=50ms",
				"--parx.storage.ingest.block=50ms", "--parx.storage.file.base-directory=" + dir.resolve("csv-" + name),
				"--parx.storage.webhooks.enabled=false"));
		command.addAll(List.of(extra));
		this.command = List.copyOf(command);
	}

	public void start() throws Exception {
		this.starts++;
		Files.writeString(this.log, "---- start " + this.starts + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		await(this.name + " ready, start " + this.starts).atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("the storage engine exited:\n" + tail());
				}
				try {
					return get("/actuator/health/readiness", null).contains("UP");
				}
				catch (IllegalStateException ex) {
					return false;
				}
			});
	}

	public boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	/** SIGKILL: no shutdown hook, no flush, no acknowledgement, no lease given up. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGSTOP: frozen, holding whatever it held, until {@link #resume()}. */
	public void pause() throws Exception {
		signal("STOP");
	}

	/** SIGCONT. */
	public void resume() throws Exception {
		signal("CONT");
	}

	private void signal(String name) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(this.process.pid())).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -" + name + " failed");
		}
	}

	/** SIGTERM, waiting for the orderly shutdown. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	public String get(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), token).body();
	}

	public HttpResponse<String> post(String path, String token, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), token);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String token) {
		request.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(this.name + " did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Everything it logged so far, over all its starts. */
	public String log() throws IOException {
		return Files.readString(this.log, StandardCharsets.UTF_8);
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	@Override
	public void close() throws InterruptedException {
		if (alive()) {
			stop();
		}
	}

	/** Every entry of the stream delivered to the storage group and acknowledged. */
	public static boolean consumed(StatefulRedisConnection<byte[], byte[]> redis, RedisKeys keys) {
		for (Object group : redis.sync().xinfoGroups(keys.samples().getBytes(StandardCharsets.UTF_8))) {
			List<?> info = (List<?>) group;
			Map<String, Object> fields = new HashMap<>();
			for (int i = 0; i + 1 < info.size(); i += 2) {
				Object key = info.get(i);
				fields.put((key instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8) : String.valueOf(key),
						info.get(i + 1));
			}
			if (fields.get("pending") instanceof Number pending && fields.get("lag") instanceof Number lag) {
				return pending.longValue() == 0 && lag.longValue() == 0;
			}
		}
		return false;
	}

}
