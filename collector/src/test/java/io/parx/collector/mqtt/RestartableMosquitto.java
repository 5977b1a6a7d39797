package io.parx.collector.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Mosquitto broker of the test's own with its default limits and persistence on, so it
 * can be restarted under load (never the shared one): a graceful stop saves the sessions
 * with their in-flight and queued messages, and the restarted broker delivers them.
 */
final class RestartableMosquitto implements AutoCloseable {

	private final Path dir;

	private final int port;

	private Process process;

	private RestartableMosquitto(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	static RestartableMosquitto start(Path dir) throws Exception {
		return start(dir, new String[0]);
	}

	/** With further mosquitto.conf lines, e.g. a limit. */
	static RestartableMosquitto start(Path dir, String... config) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> lines = new ArrayList<>(List.of("user " + System.getProperty("user.name"), "persistence true",
				"persistence_location " + dir + "/", "log_dest stderr", "listener " + port + " 127.0.0.1",
				"allow_anonymous true"));
		lines.addAll(List.of(config));
		lines.add("");
		Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", lines));
		RestartableMosquitto broker = new RestartableMosquitto(dir, port);
		broker.launch();
		return broker;
	}

	/** SIGTERM (the broker saves its database), then the same broker again. */
	void restart() throws Exception {
		stop();
		launch();
	}

	private void launch() throws IOException {
		this.process = new ProcessBuilder("mosquitto", "-c", this.dir.resolve("mosquitto.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dir.resolve("mosquitto.log").toFile()))
			.start();
		Process started = this.process;
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			if (!started.isAlive()) {
				throw new IllegalStateException(
						"mosquitto exited: " + Files.readString(this.dir.resolve("mosquitto.log")));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

	String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	/** What the broker logged. */
	String log() throws IOException {
		return Files.readString(this.dir.resolve("mosquitto.log"));
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
