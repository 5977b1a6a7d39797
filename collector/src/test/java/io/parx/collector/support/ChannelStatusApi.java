package io.parx.collector.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.common.config.ConfigChanged;
import io.parx.common.redis.RedisKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Saves channels in the config database as the admin-api does (row, then config event)
 * and reads them back from {@code GET /api/v1/collector/status}, for the tests that a
 * channel's state reaches the status API.
 */
public abstract class ChannelStatusApi extends AbstractIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisKeys keys;

	/** Inserts an enabled channel of this collector and announces it. */
	protected long save(String name, String dataType, String protocol, String settingsJson) {
		long id = this.jdbc.queryForObject(
				"insert into channel (name, data_type, poll_interval_ms, enabled, protocol, settings) "
						+ "values (?, ?, 250, true, ?, ?::jsonb) returning id",
				Long.class, name, dataType, protocol, settingsJson);
		this.redis.convertAndSend(this.keys.config(),
				new ConfigChanged(ConfigChanged.Entity.CHANNEL, id, ConfigChanged.Op.CREATED, 0).toJson());
		return id;
	}

	/** Changes a channel's settings and announces it. */
	protected void resave(long id, String settingsJson) {
		this.jdbc.update("update channel set settings = ?::jsonb, version = version + 1 where id = ?", settingsJson,
				id);
		this.redis.convertAndSend(this.keys.config(),
				new ConfigChanged(ConfigChanged.Entity.CHANNEL, id, ConfigChanged.Op.UPDATED, 1).toJson());
	}

	/** Deletes a channel and announces it. */
	protected void delete(long id) {
		this.jdbc.update("delete from channel where id = ?", id);
		this.redis.convertAndSend(this.keys.config(),
				new ConfigChanged(ConfigChanged.Entity.CHANNEL, id, ConfigChanged.Op.DELETED, 0).toJson());
	}

	/** The channel's entry in the status API, as an operator sees it. */
	protected Optional<JsonNode> channelStatus(String engine, long id) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/collector/status"))
			.header("Authorization", "Bearer " + TOKENS.token("olga", "OPERATOR"))
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("status answered " + response.statusCode() + ": " + response.body());
		}
		for (JsonNode channel : JSON.readTree(response.body()).path("engines").path(engine).path("channels")) {
			if (channel.path("channelId").asLong() == id) {
				return Optional.of(channel);
			}
		}
		return Optional.empty();
	}

	/** Waits until the channel's status entry has the given state. */
	protected JsonNode awaitState(String engine, long id, String state) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> channelStatus(engine, id).orElse(null),
					(channel) -> channel != null && channel.path("state").asString().equals(state));
	}

}
