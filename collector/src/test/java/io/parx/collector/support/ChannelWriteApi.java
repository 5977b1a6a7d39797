package io.parx.collector.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.parx.collector.channels.ChannelCoordinator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

/**
 * Calls {@code POST /api/v1/collector/write} as the admin-api does (the channel in its
 * JSON form, the value, the caller's token), for the write tests of every protocol.
 */
public abstract class ChannelWriteApi extends ChannelStatusApi {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	ChannelCoordinator coordinator;

	/**
	 * Writes {@code valueJson} to the channel.
	 * @param channelJson the channel in the admin-api's form
	 */
	protected HttpResponse<String> write(String role, String channelJson, String valueJson) throws Exception {
		String body = "{\"channel\":" + channelJson + ",\"value\":" + valueJson + ",\"timeoutMs\":5000}";
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/collector/write"))
			.header("Authorization", "Bearer " + TOKENS.token(role.toLowerCase() + "-user", role))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** A channel in the admin-api's JSON form. */
	protected static String channel(long id, String dataType, double scale, double offset, String protocol,
			String settingsJson) {
		return "{\"id\":" + id + ",\"name\":\"write-" + id + "\",\"dataType\":\"" + dataType + "\",\"scale\":" + scale
				+ ",\"offset\":" + offset + ",\"pollIntervalMs\":1000,\"enabled\":true,\"tags\":[],\"protocol\":\""
				+ protocol + "\",\"settings\":" + settingsJson + ",\"version\":0}";
	}

	/** Waits until the collector runs the channel saved with {@link #save}. */
	protected void awaitRunning(long id) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.coordinator.channels().stream().anyMatch((channel) -> channel.id() == id));
	}

}
