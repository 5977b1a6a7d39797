package io.parx.collector.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the collector's discovery endpoints ({@code /api/v1/collector/discovery/...}) as
 * an engineer, as the admin-api forwards them; channels saved meanwhile show that the
 * running connections are left alone.
 */
public abstract class DiscoveryApi extends ChannelStatusApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	/** Posts {@code body} to {@code /api/v1/collector/discovery/<path>} and waits. */
	protected HttpResponse<String> discover(String path, String body) throws Exception {
		return this.http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts without waiting, for tests that act on the broker while it listens. */
	protected CompletableFuture<HttpResponse<String>> discoverAsync(String path, String body) {
		return this.http.sendAsync(request(path, body), HttpResponse.BodyHandlers.ofString());
	}

	/** {@code GET /api/v1/collector/status} as an operator sees it. */
	protected JsonNode collectorStatus() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/collector/status"))
			.header("Authorization", "Bearer " + TOKENS.token("olga", "OPERATOR"))
			.build();
		return json(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpRequest request(String path, String body) {
		return HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/collector/discovery/" + path))
			.header("Authorization", "Bearer " + TOKENS.token("engineer-user", "ENGINEER"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(90))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
