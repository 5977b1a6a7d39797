package io.parx.systemtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/** A WebSocket client of the data-router, as a dashboard would be. */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

	/** One received sample with the local time it arrived. */
	record Received(long channelId, JsonNode value, Instant sourceTime, Instant arrived) {
	}

	final List<JsonNode> messages = new CopyOnWriteArrayList<>();

	final Map<Long, List<Received>> updates = new ConcurrentHashMap<>();

	/** When each {@code alarm} message arrived, by the message (its identity). */
	final Map<JsonNode, Instant> alarmArrivals = java.util.Collections
		.synchronizedMap(new java.util.IdentityHashMap<>());

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	LiveClient(String routerUrl, String token) throws Exception {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.subprotocols("parx.v1", "bearer." + token)
			.buildAsync(URI.create(routerUrl.replace("http://", "ws://") + "/ws"), this)
			.get(20, TimeUnit.SECONDS);
	}

	void subscribe(List<Long> channelIds) {
		send(Map.of("type", "subscribe", "id", "s1", "channelIds", channelIds));
	}

	void send(Object message) {
		this.socket.sendText(Api.JSON.writeValueAsString(message), true).join();
	}

	List<Received> updates(long channelId) {
		return this.updates.getOrDefault(channelId, List.of());
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			Instant arrived = Instant.now();
			JsonNode message = Api.JSON.readTree(this.partial.toString());
			this.partial.setLength(0);
			if ("alarm".equals(message.path("type").asString())) {
				this.alarmArrivals.put(message, arrived);
			}
			this.messages.add(message);
			if ("update".equals(message.path("type").asString())) {
				Instant now = Instant.now();
				for (JsonNode sample : message.path("samples")) {
					this.updates
						.computeIfAbsent(sample.path("channelId").asLong(), (id) -> new CopyOnWriteArrayList<>())
						.add(new Received(sample.path("channelId").asLong(), sample.get("value"),
								Instant.parse(sample.path("time").asString()), now));
				}
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void close() {
		this.socket.abort();
	}

}
