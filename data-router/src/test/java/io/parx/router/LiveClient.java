package io.parx.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real WebSocket client (the JDK's) that records every message it receives. A "slow"
 * client stops asking for messages after the first ones, so the router's frames pile up
 * in the socket, as with a browser tab whose machine is overloaded.
 */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final List<JsonNode> messages = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final int readLimit;

	private volatile WebSocket socket;

	private volatile int read;

	private LiveClient(int readLimit) {
		this.readLimit = readLimit;
	}

	public static LiveClient connect(URI uri, String... subprotocols) {
		return open(uri, Integer.MAX_VALUE, subprotocols);
	}

	/** A client that reads {@code readLimit} frames and then nothing more. */
	public static LiveClient slow(URI uri, int readLimit) {
		return open(uri, readLimit);
	}

	private static LiveClient open(URI uri, int readLimit, String... subprotocols) {
		LiveClient client = new LiveClient(readLimit);
		WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		if (subprotocols.length > 0) {
			builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
		}
		client.socket = builder.buildAsync(uri, client).join();
		return client;
	}

	/** The HTTP status of a refused handshake. */
	public static int refusedStatus(URI uri, String... subprotocols) {
		try {
			connect(uri, subprotocols).close();
			throw new AssertionError("the handshake was accepted");
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException refused) {
				return refused.getResponse().statusCode();
			}
			throw ex;
		}
	}

	public String subprotocol() {
		return this.socket.getSubprotocol();
	}

	public void send(String json) {
		this.socket.sendText(json, true).join();
	}

	public List<JsonNode> messages() {
		return List.copyOf(this.messages);
	}

	public List<JsonNode> ofType(String type) {
		return this.messages.stream().filter((m) -> type.equals(m.path("type").asString())).toList();
	}

	/** Waits for the first message of this type. */
	public JsonNode awaitType(String type) {
		return awaitMessage((m) -> type.equals(m.path("type").asString()));
	}

	public JsonNode awaitMessage(Predicate<JsonNode> condition) {
		return await().until(() -> this.messages.stream().filter(condition).findFirst().orElse(null),
				(found) -> found != null);
	}

	/** All samples received in snapshot and update messages, in order. */
	public List<JsonNode> samples(String type) {
		return ofType(type).stream().flatMap((m) -> m.path("samples").valueStream()).toList();
	}

	public CompletableFuture<Integer> closeCode() {
		return this.closeCode;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.messages.add(JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
			this.read++;
		}
		if (this.read < this.readLimit) {
			webSocket.request(1);
		}
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closeCode.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closeCode.completeExceptionally(error);
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

}
