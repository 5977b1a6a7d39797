package io.parx.collector.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on a free local port that accepts connections but speaks no device
 * protocol: it stays silent, or answers every request with a line of text (a web or
 * telnet server where a device was expected). What a channel test meets when the host or
 * port is wrong.
 */
public final class NotADeviceServer implements AutoCloseable {

	private final ServerSocket server;

	private final boolean answersGarbage;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private NotADeviceServer(boolean answersGarbage) throws IOException {
		this.answersGarbage = answersGarbage;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().name("not-a-device-accept").start(this::accept);
	}

	/** Accepts connections and never sends a byte. */
	public static NotADeviceServer silent() throws IOException {
		return new NotADeviceServer(false);
	}

	/** Accepts connections and answers whatever arrives with text that is no protocol. */
	public static NotADeviceServer garbage() throws IOException {
		return new NotADeviceServer(true);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.accepted.add(socket);
				Thread.ofVirtual().start(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		byte[] buffer = new byte[4096];
		try (InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
			while (in.read(buffer) >= 0) {
				if (this.answersGarbage) {
					out.write("HTTP/1.1 400 Bad Request\r\nServer: not-a-plc\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// the client gave up: what the tests want
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

}
