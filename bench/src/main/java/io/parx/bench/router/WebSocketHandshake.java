package io.parx.bench.router;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The client side of the WebSocket opening handshake (RFC 6455 §4.1) and of client frames
 * (§5.2, masked as §5.3 requires), over a plain {@link SocketChannel}: all the bench's
 * raw clients need, without the JDK client's per-frame machinery.
 */
final class WebSocketHandshake {

	/** RFC 6455 §1.3: appended to the key before hashing. */
	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebSocketHandshake() {
	}

	/**
	 * Connects and upgrades. The channel is returned still in blocking mode, together
	 * with the bytes that followed the response header (the router may send its welcome
	 * right behind the 101).
	 */
	static Upgraded open(InetSocketAddress address, String path, String protocols, int timeoutMillis)
			throws IOException {
		SocketChannel channel = SocketChannel.open();
		try {
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channel.socket().connect(address, timeoutMillis);
			channel.socket().setSoTimeout(timeoutMillis);
			byte[] nonce = new byte[16];
			RANDOM.nextBytes(nonce);
			String key = Base64.getEncoder().encodeToString(nonce);
			String request = "GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
					+ "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: " + protocols + "\r\n\r\n";
			channel.socket().getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			InputStream in = channel.socket().getInputStream();
			byte[] buffer = new byte[8192];
			int length = 0;
			int end;
			while ((end = headerEnd(buffer, length)) < 0) {
				if (length == buffer.length) {
					throw new IOException("handshake response header too large");
				}
				int read = in.read(buffer, length, buffer.length - length);
				if (read < 0) {
					throw new IOException("connection closed during the handshake");
				}
				length += read;
			}
			checkResponse(new String(buffer, 0, end, StandardCharsets.ISO_8859_1), key);
			return new Upgraded(channel, Arrays.copyOfRange(buffer, end, length));
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/** Status 101 and the accept value of §4.2.2 (proves the server understood). */
	private static void checkResponse(String header, String key) throws IOException {
		String[] lines = header.split("\r\n");
		if (!lines[0].startsWith("HTTP/1.1 101")) {
			throw new IOException("handshake refused: " + lines[0]);
		}
		String expected = accept(key);
		for (String line : lines) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")
					&& line.substring(colon + 1).trim().equals(expected)) {
				return;
			}
		}
		throw new IOException("handshake response without the expected Sec-WebSocket-Accept");
	}

	private static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The index just past the blank line ending the header, or -1. */
	private static int headerEnd(byte[] buffer, int length) {
		for (int i = 3; i < length; i++) {
			if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
				return i + 1;
			}
		}
		return -1;
	}

	/** A client frame with FIN set, masked with a fresh key (§5.3). */
	static ByteBuffer clientFrame(int opcode, byte[] payload) {
		int length = payload.length;
		int extended = (length < 126) ? 0 : (length < 65536) ? 2 : 8;
		ByteBuffer frame = ByteBuffer.allocate(2 + extended + 4 + length);
		frame.put((byte) (0x80 | opcode));
		if (extended == 0) {
			frame.put((byte) (0x80 | length));
		}
		else if (extended == 2) {
			frame.put((byte) (0x80 | 126)).putShort((short) length);
		}
		else {
			frame.put((byte) (0x80 | 127)).putLong(length);
		}
		byte[] mask = new byte[4];
		RANDOM.nextBytes(mask);
		frame.put(mask);
		for (int i = 0; i < length; i++) {
			frame.put((byte) (payload[i] ^ mask[i & 3]));
		}
		return frame.flip();
	}

	record Upgraded(SocketChannel channel, byte[] leftover) {

	}

}
