package io.parx.collector.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A redis-server of the test's own, as a child process on a free port, without
 * persistence: tests that cut or kill Redis never touch the machine's shared server.
 */
public final class RedisServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private RedisServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static RedisServerProcess start() {
		int port = freePort();
		try {
			Path dir = Files.createTempDirectory("parx-redis");
			Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> answers(port));
			return new RedisServerProcess(process, port);
		}
		catch (IOException ex) {
			throw new AssertionError("cannot start redis-server (apt-get install redis-server): " + ex, ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean answers(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream().write("PING\r\n".getBytes());
			return socket.getInputStream().read() == '+';
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
