package io.parx.collector.channels;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.collector.simulator.SimulatorEngine;
import io.parx.common.config.ConfigChanged;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Config events from the admin-api change what runs without a restart and without
 * disturbing other channels (issue 4, "Channels and reload").
 */
class HotReloadTests extends AbstractIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisConnectionFactory connectionFactory;

	@Autowired
	RedisKeys keys;

	@Autowired
	ChannelCoordinator coordinator;

	@Autowired
	SimulatorEngine simulator;

	@Test
	void aNewChannelRunsWithinASecondOfItsEventAndIsPublishedToRedis() {
		long id = insert("reload-new", "COUNTER", null, true);
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, id, ConfigChanged.Op.CREATED, 0));
		await().atMost(Duration.ofSeconds(1)).until(() -> runs(id));
		await().atMost(Duration.ofSeconds(10)).until(() -> latest(id) != null);
		assertThat(latest(id).isGood()).isTrue();
	}

	@Test
	void changingOneChannelLeavesTheOthersUndisturbed() {
		long steady = insert("reload-steady", "COUNTER", null, true);
		long changing = insert("reload-changing", "SINE", null, true);
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, steady, ConfigChanged.Op.CREATED, 0));
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, changing, ConfigChanged.Op.CREATED, 0));
		await().atMost(Duration.ofSeconds(10)).until(() -> latest(steady) != null && latest(changing) != null);
		double before = latest(steady).value().asDouble();

		this.jdbc.update("update channel set settings = '{\"waveform\":\"RAMP\",\"amplitude\":5,\"periodMs\":1000}', "
				+ "version = version + 1 where id = ?", changing);
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, changing, ConfigChanged.Op.UPDATED, 1));
		await().atMost(Duration.ofSeconds(1))
			.until(() -> this.coordinator.channels()
				.stream()
				.anyMatch((c) -> c.id() == changing && c.settings().path("waveform").asString().equals("RAMP")));

		// A counter that had been restarted would begin again at 0.
		await().atMost(Duration.ofSeconds(5)).until(() -> latest(steady).value().asDouble() > before + 3);
		assertThat(latest(steady).value().asDouble()).isGreaterThan(before);
	}

	@Test
	void aDisabledOrReassignedChannelStopsWithinASecond() {
		long disabled = insert("reload-disabled", "SINE", null, true);
		long moved = insert("reload-moved", "SINE", null, true);
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, disabled, ConfigChanged.Op.CREATED, 0));
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, moved, ConfigChanged.Op.CREATED, 0));
		await().atMost(Duration.ofSeconds(2)).until(() -> runs(disabled) && runs(moved));

		this.jdbc.update("update channel set enabled = false where id = ?", disabled);
		this.jdbc.update("update channel set collector = 'elsewhere' where id = ?", moved);
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, disabled, ConfigChanged.Op.UPDATED, 1));
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, moved, ConfigChanged.Op.UPDATED, 1));
		await().atMost(Duration.ofSeconds(1)).until(() -> !runs(disabled) && !runs(moved));
		await().atMost(Duration.ofSeconds(1))
			.until(() -> this.simulator.status().channels().stream().noneMatch((s) -> s.channelId() == disabled));
	}

	@Test
	void channelsOfAnotherCollectorNeverRunHere() {
		long foreign = insert("reload-foreign", "SINE", "line-2", true);
		long deleted = insert("reload-deleted", "SINE", null, true);
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, foreign, ConfigChanged.Op.CREATED, 0));
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, deleted, ConfigChanged.Op.CREATED, 0));
		await().atMost(Duration.ofSeconds(2)).until(() -> runs(deleted));
		this.jdbc.update("delete from channel where id = ?", deleted);
		publish(new ConfigChanged(ConfigChanged.Entity.CHANNEL, deleted, ConfigChanged.Op.DELETED, 0));
		await().atMost(Duration.ofSeconds(1)).until(() -> !runs(deleted));
		assertThat(runs(foreign)).isFalse();
	}

	private long insert(String name, String waveform, String collector, boolean enabled) {
		return this.jdbc.queryForObject(
				"insert into channel (name, data_type, poll_interval_ms, enabled, collector, "
						+ "protocol, settings) values (?, 'FLOAT64', 50, ?, ?, 'SIMULATOR', ?::jsonb) returning id",
				Long.class, name, enabled, collector,
				"{\"waveform\":\"" + waveform + "\",\"amplitude\":1000,\"periodMs\":10000}");
	}

	private void publish(ConfigChanged event) {
		this.redis.convertAndSend(this.keys.config(), event.toJson());
	}

	private boolean runs(long id) {
		return this.coordinator.channels().stream().anyMatch((channel) -> channel.id() == id);
	}

	private Sample latest(long id) {
		RedisTemplate<byte[], byte[]> bytes = new RedisTemplate<>();
		bytes.setConnectionFactory(this.connectionFactory);
		bytes.setKeySerializer(RedisSerializer.byteArray());
		bytes.setHashKeySerializer(RedisSerializer.byteArray());
		bytes.setHashValueSerializer(RedisSerializer.byteArray());
		bytes.afterPropertiesSet();
		Object value = bytes.opsForHash()
			.get(this.keys.latest().getBytes(StandardCharsets.UTF_8),
					Long.toString(id).getBytes(StandardCharsets.UTF_8));
		return (value != null) ? SampleBatchCodec.decodeOne((byte[]) value) : null;
	}

}
