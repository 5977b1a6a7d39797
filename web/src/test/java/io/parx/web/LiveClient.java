package io.parx.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client as a browser tab opens it: the token travels only as a subprotocol
 * ({@code new WebSocket(url, ["parx.v1", "bearer." + token])}, docs/API.md).
 */
public final class LiveClient implements AutoCloseable {

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final WebSocket socket;

	private LiveClient(String url, String token) throws Exception {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.subprotocols("parx.v1", "bearer." + token)
			.buildAsync(URI.create(url), new Listener())
			.get(5, TimeUnit.SECONDS);
	}

	public static LiveClient connect(String url, String token) throws Exception {
		return new LiveClient(url, token);
	}

	/** The subprotocol the server answered with. */
	public String subprotocol() {
		return this.socket.getSubprotocol();
	}

	public void send(String text) {
		this.socket.sendText(text, true).join();
	}

	/** The next message, or {@code null} when none came within 5 s. */
	public String next() throws InterruptedException {
		return this.messages.poll(5, TimeUnit.SECONDS);
	}

	/** The close code the server sent, waiting at most {@code timeout}. */
	public int closeCode(Duration timeout) throws Exception {
		return this.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				LiveClient.this.messages.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			LiveClient.this.closeCode.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			LiveClient.this.closeCode.completeExceptionally(error);
		}

	}

}
