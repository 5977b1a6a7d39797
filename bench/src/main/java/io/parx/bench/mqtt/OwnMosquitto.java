package io.parx.bench.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.parx.bench.support.Bench;

/**
 * A Mosquitto of the scenario's own ({@code --own-broker}): the shared broker on 1883
 * also carries other tests' traffic on its one thread, which the scenario would measure
 * as ParX's loss. Stock settings (flow control as shipped) unless {@code settings} adds
 * lines such as {@code max_queued_messages 1000000}; {@code sys_interval 1} so the drop
 * counter and the store size arrive within a step.
 */
final class OwnMosquitto implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private OwnMosquitto(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * @param settings extra configuration lines, e.g. {@code max_queued_messages 1000000}
	 */
	static OwnMosquitto start(Path directory, List<String> settings) throws IOException, InterruptedException {
		Files.createDirectories(directory);
		int port = Bench.freePort();
		Path log = directory.resolve("mosquitto.log");
		List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "allow_anonymous true",
				"sys_interval 1", "log_dest file " + log));
		lines.addAll(settings);
		Path config = directory.resolve("mosquitto.conf");
		Files.write(config, lines);
		Process process = new ProcessBuilder(Bench.env("PARX_BENCH_MOSQUITTO", "/usr/sbin/mosquitto"), "-c",
				config.toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("mosquitto.out").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				System.out.printf("# own mosquitto on port %d (pid %d), settings %s%n", port, process.pid(), settings);
				return new OwnMosquitto(process, port, log);
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException(
				"mosquitto did not listen on " + port + ": " + Files.readString(directory.resolve("mosquitto.out")));
	}

	int port() {
		return this.port;
	}

	Path log() {
		return this.log;
	}

	/** CPU seconds of this broker so far, NaN when unknown. */
	double cpuSeconds() {
		return this.process.toHandle().info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e9).orElse(Double.NaN);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process.destroyForcibly();
	}

}
