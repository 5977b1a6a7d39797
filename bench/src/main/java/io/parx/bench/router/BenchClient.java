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
				Instant time = Instant.parse(text.substring(start, end));
				this.latencies.record(nowMicros - (time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000));
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
