package io.parx.bench.router;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Publishes to Redis over a raw RESP connection (Redis protocol spec, "RESP arrays"),
 * pipelined: replies are read on a thread of their own. Enough for a load generator,
 * without a client library in the bench module.
 */
public final class RespPublisher implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final Thread replies;

	public RespPublisher(URI redis) throws IOException {
		this.socket = new Socket(redis.getHost(), (redis.getPort() > 0) ? redis.getPort() : 6379);
		this.socket.setTcpNoDelay(true);
		this.out = new BufferedOutputStream(this.socket.getOutputStream(), 1 << 16);
		InputStream in = this.socket.getInputStream();
		this.replies = Thread.ofPlatform().daemon().name("resp-replies").start(() -> {
			byte[] buffer = new byte[1 << 16];
			try {
				while (in.read(buffer) >= 0) {
					// Replies are subscriber counts or OK; nothing to check in a load
					// test.
				}
			}
			catch (IOException ex) {
				// closed
			}
		});
	}

	synchronized void command(byte[]... parts) throws IOException {
		this.out.write(("*" + parts.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
		for (byte[] part : parts) {
			this.out.write(("$" + part.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			this.out.write(part);
			this.out.write('\r');
			this.out.write('\n');
		}
		this.out.flush();
	}

	public void publish(String channel, byte[] payload) throws IOException {
		command("PUBLISH".getBytes(StandardCharsets.US_ASCII), channel.getBytes(StandardCharsets.UTF_8), payload);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		this.replies.interrupt();
	}

}
