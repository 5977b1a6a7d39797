package io.parx.bench.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.ServiceProcess;

/**
 * What the browser benchmarks run against: the admin-api, data-router, analytics-engine
 * and the web gateway from their built jars (production's environment variables), on
 * databases of their own (configuration on 5432, time series on 5433) and a Redis prefix
 * of their own, with a generated administrator password. The browser talks only to the
 * gateway, as a user's does.
 */
final class WebStack implements AutoCloseable {

	static final String ADMIN = "bench-admin";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	final String run = HexFormat.of().toHexDigits(new Random().nextInt());

	final String redisPrefix = "parx-bench-" + this.run + ":";

	final String password = "bench-" + HexFormat.of().toHexDigits(new Random().nextLong());

	final String config;

	final String timeseries;

	private final List<ServiceProcess> services = new ArrayList<>();

	private ServiceProcess web;

	private String token;

	WebStack(URI redis, String heap) throws Exception {
		this.config = BenchDatabases.createConfig("parx_bench_web_" + this.run);
		String ts = null;
		try {
			ts = BenchDatabases.createTimeseries("parx_bench_web_ts_" + this.run);
			this.timeseries = ts;
			start(redis, heap);
		}
		catch (Exception ex) {
			this.services.forEach(ServiceProcess::close);
			BenchDatabases.drop(this.config);
			if (ts != null) {
				BenchDatabases.drop(ts);
			}
			throw ex;
		}
	}

	private void start(URI redis, String heap) throws Exception {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PARX_CONFIG_DB_URL", this.config);
		env.put("PARX_CONFIG_DB_USER", "postgres");
		env.put("PARX_TS_DB_URL", this.timeseries);
		env.put("PARX_TS_DB_USER", "postgres");
		env.put("PARX_REDIS_URL", redis.toString());
		env.put("PARX_REDIS_PREFIX", this.redisPrefix);
		env.put("PARX_DATA_DIR", Files.createTempDirectory("parx-bench-web-").toString());
		env.put("PARX_ADMIN_USERNAME", ADMIN);
		env.put("PARX_ADMIN_PASSWORD", this.password);
		ServiceProcess admin = add(ServiceProcess.start("admin-api", heap, env)).awaitReady(Duration.ofMinutes(3));
		env.put("PARX_JWKS_URL", admin.url() + "/.well-known/jwks.json");
		ServiceProcess router = add(ServiceProcess.start("data-router", heap, env));
		ServiceProcess analytics = add(ServiceProcess.start("analytics-engine", heap, env));
		env.put("PARX_ADMIN_API_URL", admin.url());
		env.put("PARX_DATA_ROUTER_URL", router.url());
		env.put("PARX_ANALYTICS_ENGINE_URL", analytics.url());
		this.web = add(ServiceProcess.start("web", heap, env));
		for (ServiceProcess service : this.services) {
			service.awaitReady(Duration.ofMinutes(3));
		}
		this.token = send("POST", "/api/v1/auth/login", Map.of("username", ADMIN, "password", this.password), 200)
			.get("accessToken")
			.asText();
	}

	private ServiceProcess add(ServiceProcess service) {
		this.services.add(service);
		return service;
	}

	/** The address the browser opens (the gateway). */
	String url() {
		return this.web.url();
	}

	/**
	 * Simulator channels {@code <prefix>.0000…} tagged {@code bench}, created through the
	 * import endpoint; their ids in name order.
	 */
	List<Long> importChannels(String prefix, int count) throws Exception {
		List<Map<String, Object>> channels = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			channels
				.add(Map.of("name", String.format(Locale.ROOT, "%s.%04d", prefix, i), "dataType", "FLOAT64", "protocol",
						"SIMULATOR", "unit", "bar", "tags", List.of("bench"), "settings", Map.of("waveform", "SINE")));
		}
		JsonNode result = send("POST", "/api/v1/io/channels/import", channels, 200);
		if (result.get("created").asInt() != count) {
			throw new IllegalStateException("channel import: " + result);
		}
		List<Long> ids = new ArrayList<>();
		for (int page = 0; ids.size() < count; page++) {
			JsonNode answer = send("GET", "/api/v1/io/channels?tag=bench&sort=name&size=500&page=" + page, null, 200);
			answer.get("content").forEach((channel) -> ids.add(channel.get("id").asLong()));
			if (answer.get("content").isEmpty()) {
				throw new IllegalStateException("found " + ids.size() + " of " + count + " channels");
			}
		}
		return ids;
	}

	/**
	 * A request through the gateway as the administrator; fails unless it answers
	 * {@code expected}.
	 */
	JsonNode send(String method, String path, Object body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return JSON.readTree(response.body());
	}

	@Override
	public void close() throws Exception {
		for (ServiceProcess service : this.services) {
			service.close();
		}
		BenchDatabases.drop(this.config);
		BenchDatabases.drop(this.timeseries);
	}

}
