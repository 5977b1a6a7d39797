package io.parx.bench.router;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * One dashboard on a raw WebSocket connection: subscribes to its channels after the
 * welcome and records, for every sample of every update frame, the time from the sample's
 * source timestamp (set by the publisher) to receipt. Checks that every sample belongs to
 * a subscribed channel.
 *
 * <p>
 * Kept cheap on purpose, since it shares the machine with the router it measures: the
 * receipt time is taken once per socket read, right after the read and before any
 * parsing; frames are parsed in place in the read buffer (RFC 6455 §5.2) and the
 * {@code channelId} and {@code time} fields are found by a byte scan, without decoding
 * the text or building objects. Runs on the thread of its {@link ClientLoop} only.
 */
public final class BenchClient {

	private static final byte[] UPDATE = ascii("{\"type\":\"update\"");

	private static final byte[] WELCOME = ascii("{\"type\":\"welcome\"");

	private static final byte[] SNAPSHOT = ascii("{\"type\":\"snapshot\"");

	private static final byte[] ERROR = ascii("{\"type\":\"error\"");

	private static final byte[] CHANNEL_ID = ascii("\"channelId\":");

	private static final byte[] TIME = ascii("\"time\":\"");

	private static final int OP_CONTINUATION = 0x0;

	private static final int OP_TEXT = 0x1;

	private static final int OP_CLOSE = 0x8;

	private static final int OP_PING = 0x9;

	private static final int OP_PONG = 0xA;

	private final List<Long> channels;

	private final BitSet subscribed = new BitSet();

	private final Counters counters;

	private final TimeParser times = new TimeParser();

	final CompletableFuture<Void> subscribedFuture = new CompletableFuture<>();

	final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private SocketChannel channel;

	private ByteBuffer in = ByteBuffer.allocate(16 * 1024);

	/** A fragmented message being assembled (§5.4), else empty. */
	private ByteBuffer fragments = ByteBuffer.allocate(0);

	BenchClient(List<Long> channels, Counters counters) {
		this.channels = channels;
		this.counters = counters;
		channels.forEach((id) -> this.subscribed.set(Math.toIntExact(id)));
	}

	/** Takes over an upgraded connection and the bytes that came with the handshake. */
	void attach(SocketChannel channel, byte[] leftover) throws IOException {
		this.channel = channel;
		channel.configureBlocking(false);
		ensureCapacity(leftover.length);
		this.in.put(leftover);
	}

	SocketChannel channel() {
		return this.channel;
	}

	/**
	 * Reads what the socket has and handles every complete frame.
	 * @return false once the connection is gone
	 */
	boolean read() throws IOException {
		int read = this.channel.read(this.in);
		if (read < 0) {
			this.closed.complete(1006);
			return false;
		}
		// The receipt time of everything in this read: taken before any parsing.
		long now = micros(Instant.now());
		return handleBuffered(now);
	}

	/** Handles the complete frames already in the read buffer. */
	boolean handleBuffered(long now) throws IOException {
		ByteBuffer buffer = this.in.flip();
		byte[] a = buffer.array();
		int pos = 0;
		int limit = buffer.limit();
		long needed = 0;
		while (limit - pos >= 2) {
			int b0 = a[pos] & 0xFF;
			int b1 = a[pos + 1] & 0xFF;
			if ((b1 & 0x80) != 0) {
				throw new IOException("the server masked a frame (RFC 6455 §5.1 forbids it)");
			}
			long length = b1 & 0x7F;
			int header = 2;
			if (length == 126) {
				if (limit - pos < 4) {
					break;
				}
				length = ((a[pos + 2] & 0xFF) << 8) | (a[pos + 3] & 0xFF);
				header = 4;
			}
			else if (length == 127) {
				if (limit - pos < 10) {
					break;
				}
				length = buffer.getLong(pos + 2);
				header = 10;
			}
			if (limit - pos - header < length) {
				needed = header + length;
				break;
			}
			int start = pos + header;
			int end = start + (int) length;
			if (!frame((b0 & 0x80) != 0, b0 & 0x0F, a, start, end, now)) {
				return false;
			}
			pos = end;
		}
		buffer.position(pos);
		buffer.compact();
		ensureCapacity((int) Math.min(needed, Integer.MAX_VALUE - 16));
		return true;
	}

	private boolean frame(boolean fin, int opcode, byte[] a, int start, int end, long now) throws IOException {
		switch (opcode) {
			case OP_TEXT, OP_CONTINUATION -> {
				if (fin && this.fragments.position() == 0) {
					message(a, start, end, now);
				}
				else {
					this.fragments = append(this.fragments, a, start, end);
					if (fin) {
						message(this.fragments.array(), 0, this.fragments.position(), now);
						this.fragments.clear();
					}
				}
			}
			case OP_CLOSE -> {
				int code = (end - start >= 2) ? ((a[start] & 0xFF) << 8) | (a[start + 1] & 0xFF) : 1005;
				this.closed.complete(code);
				this.subscribedFuture.completeExceptionally(new IllegalStateException("closed with " + code));
				return false;
			}
			case OP_PING -> send(OP_PONG, java.util.Arrays.copyOfRange(a, start, end));
			default -> {
				// Pongs and binary frames: nothing the router sends in this protocol.
			}
		}
		return true;
	}

	private void message(byte[] a, int start, int end, long now) throws IOException {
		if (startsWith(a, start, end, UPDATE)) {
			updates(a, start, end, now);
		}
		else if (startsWith(a, start, end, WELCOME)) {
			String ids = this.channels.stream().map(String::valueOf).collect(Collectors.joining(","));
			send(OP_TEXT, ascii("{\"type\":\"subscribe\",\"id\":\"bench\",\"channelIds\":[" + ids + "]}"));
		}
		else if (startsWith(a, start, end, SNAPSHOT)) {
			this.subscribedFuture.complete(null);
		}
		else if (startsWith(a, start, end, ERROR)) {
			String text = new String(a, start, end - start, StandardCharsets.UTF_8);
			this.subscribedFuture.completeExceptionally(new IllegalStateException(text));
		}
	}

	/** Each sample: {@code {"channelId":42,"time":"2026-11-27T15:00:00.123456Z",...}}. */
	private void updates(byte[] a, int start, int end, long now) {
		int samples = 0;
		int unexpected = 0;
		int at = indexOf(a, CHANNEL_ID, start, end);
		while (at >= 0) {
			at += CHANNEL_ID.length;
			long id = 0;
			while (at < end && a[at] >= '0' && a[at] <= '9') {
				id = id * 10 + (a[at++] - '0');
			}
			if (id > Integer.MAX_VALUE || !this.subscribed.get((int) id)) {
				unexpected++;
			}
			int time = indexOf(a, TIME, at, end);
			if (time < 0) {
				break;
			}
			time += TIME.length;
			int quote = indexOf(a, (byte) '"', time, end);
			long sampleTime = this.times.micros(a, time, quote);
			this.counters.latencies.record(now - sampleTime);
			this.counters.window.record(sampleTime, now - sampleTime);
			samples++;
			at = indexOf(a, CHANNEL_ID, quote, end);
		}
		this.counters.frames.increment();
		this.counters.samples.add(samples);
		if (unexpected > 0) {
			this.counters.unexpected.add(unexpected);
		}
	}

	private void send(int opcode, byte[] payload) throws IOException {
		ByteBuffer frame = WebSocketHandshake.clientFrame(opcode, payload);
		while (frame.hasRemaining()) {
			// Small frames on an idle socket: this does not spin in practice.
			this.channel.write(frame);
		}
	}

	/** Sends a normal closure (1000) and closes the socket. */
	void close() {
		try {
			send(OP_CLOSE, new byte[] { 0x03, (byte) 0xE8 });
		}
		catch (IOException ex) {
			// gone already
		}
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

	void failed(Throwable error) {
		this.closed.completeExceptionally(error);
		this.subscribedFuture.completeExceptionally(error);
	}

	private void ensureCapacity(int frame) {
		if (frame > this.in.remaining() + this.in.position() || this.in.remaining() == 0) {
			ByteBuffer bigger = ByteBuffer.allocate(Math.max(frame, this.in.capacity() * 2));
			this.in.flip();
			this.in = bigger.put(this.in);
		}
	}

	private static ByteBuffer append(ByteBuffer to, byte[] a, int start, int end) {
		if (to.remaining() < end - start) {
			ByteBuffer bigger = ByteBuffer.allocate(Math.max(to.capacity() * 2, to.position() + end - start));
			to = bigger.put(to.flip());
		}
		return to.put(a, start, end - start);
	}

	private static boolean startsWith(byte[] a, int start, int end, byte[] prefix) {
		return end - start >= prefix.length
				&& java.util.Arrays.equals(a, start, start + prefix.length, prefix, 0, prefix.length);
	}

	static int indexOf(byte[] a, byte[] pattern, int from, int end) {
		byte first = pattern[0];
		for (int i = from; i <= end - pattern.length; i++) {
			if (a[i] == first && java.util.Arrays.equals(a, i, i + pattern.length, pattern, 0, pattern.length)) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOf(byte[] a, byte b, int from, int end) {
		for (int i = from; i < end; i++) {
			if (a[i] == b) {
				return i;
			}
		}
		return -1;
	}

	static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * What all clients count, shared.
	 *
	 * @param latencies every sample's latency since the last reset
	 * @param samples samples received
	 * @param frames update frames received
	 * @param unexpected samples of channels the client did not subscribe to
	 * @param window the samples of a measurement window, selected by source time
	 */
	public record Counters(LatencyHistogram latencies, LongAdder samples, LongAdder frames, LongAdder unexpected,
			SampleWindow window) {

		public Counters() {
			this(new LatencyHistogram(), new LongAdder(), new LongAdder(), new LongAdder(), new SampleWindow());
		}

	}

	/**
	 * Parses the router's ISO-8601 times ({@code 2026-11-27T15:50:01.123456Z}) from bytes
	 * without {@link Instant#parse}, which would make the load generator, not the router,
	 * the bottleneck: the part up to the minute is cached.
	 */
	static final class TimeParser {

		private final byte[] minute = new byte[17];

		private boolean cached;

		private long minuteMicros;

		long micros(byte[] a, int start, int end) {
			int secondsAt = start + 17;
			if (!this.cached || !java.util.Arrays.equals(a, start, secondsAt, this.minute, 0, 17)) {
				System.arraycopy(a, start, this.minute, 0, 17);
				this.minuteMicros = Instant.parse(new String(this.minute, StandardCharsets.US_ASCII) + "00Z")
					.toEpochMilli() * 1000;
				this.cached = true;
			}
			long micros = this.minuteMicros + ((a[secondsAt] - '0') * 10L + (a[secondsAt + 1] - '0')) * 1_000_000;
			int fraction = secondsAt + 2;
			if (a[fraction] == '.') {
				long scale = 100_000;
				for (int i = fraction + 1; i < end - 1 && scale > 0; i++) {
					micros += (a[i] - '0') * scale;
					scale /= 10;
				}
			}
			return micros;
		}

	}

}
