package io.parx.bench.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * One dashboard: subscribes to its channels after the welcome and records, for every
 * sample of every update frame, the time from the sample's source timestamp (set by the
 * publisher) to receipt.
 */
final class BenchClient implements WebSocket.Listener {

	private static final String TIME = "\"time\":\"";

	private final List<Long> channels;

	private final LatencyHistogram latencies;

	private final LongAdder samples;

	private final LongAdder frames;

	private final StringBuilder partial = new StringBuilder();

	private final TimeParser times = new TimeParser();

	final CompletableFuture<Void> subscribed = new CompletableFuture<>();

	final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	BenchClient(List<Long> channels, LatencyHistogram latencies, LongAdder samples, LongAdder frames) {
		this.channels = channels;
		this.latencies = latencies;
		this.samples = samples;
		this.frames = frames;
	}

	CompletableFuture<WebSocket> connect(HttpClient http, URI uri, String token) {
		return http.newWebSocketBuilder()
			.subprotocols("parx.v1", "bearer." + token)
			.buildAsync(uri, this)
			.thenApply((ws) -> this.socket = ws);
	}

	void close() {
		if (this.socket != null) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			handle(this.partial, webSocket);
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	private void handle(CharSequence message, WebSocket webSocket) {
		String text = message.toString();
		if (text.startsWith("{\"type\":\"update\"")) {
			Instant now = Instant.now();
			long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
			this.frames.increment();
			int at = text.indexOf(TIME);
			while (at >= 0) {
				int start = at + TIME.length();
				int end = text.indexOf('"', start);
				this.latencies.record(nowMicros - this.times.micros(text, start, end));
				this.samples.increment();
				at = text.indexOf(TIME, end);
			}
		}
		else if (text.startsWith("{\"type\":\"welcome\"")) {
			String ids = this.channels.stream().map(String::valueOf).collect(Collectors.joining(","));
			webSocket.sendText("{\"type\":\"subscribe\",\"id\":\"bench\",\"channelIds\":[" + ids + "]}", true);
		}
		else if (text.startsWith("{\"type\":\"snapshot\"")) {
			this.subscribed.complete(null);
		}
		else if (text.startsWith("{\"type\":\"error\"")) {
			this.subscribed.completeExceptionally(new IllegalStateException(text));
		}
	}

	/**
	 * Parses the router's ISO-8601 times ({@code 2026-11-27T15:50:01.123456Z}) without
	 * {@link Instant#parse}, which would make the load generator, not the router, the
	 * bottleneck: the part up to the minute is cached.
	 */
	static final class TimeParser {

		private String minute = "";

		private long minuteMicros;

		long micros(String text, int start, int end) {
			int secondsAt = start + 17;
			if (!text.startsWith(this.minute, start) || this.minute.isEmpty()) {
				this.minute = text.substring(start, secondsAt);
				this.minuteMicros = Instant.parse(this.minute + "00Z").toEpochMilli() * 1000;
			}
			long micros = this.minuteMicros
					+ ((text.charAt(secondsAt) - '0') * 10L + (text.charAt(secondsAt + 1) - '0')) * 1_000_000;
			int fraction = secondsAt + 2;
			if (text.charAt(fraction) == '.') {
				long scale = 100_000;
				for (int i = fraction + 1; i < end - 1 && scale > 0; i++) {
					micros += (text.charAt(i) - '0') * scale;
					scale /= 10;
				}
			}
			return micros;
		}

	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.completeExceptionally(error);
		this.subscribed.completeExceptionally(error);
	}

}
