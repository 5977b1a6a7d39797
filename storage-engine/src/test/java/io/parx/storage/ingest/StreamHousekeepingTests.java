package io.parx.storage.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.common.redis.RedisKeys;
import io.parx.db.test.TestServices;
import io.parx.storage.status.StorageMetrics;
import io.parx.storage.timeseries.InsertMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog report against real Redis: what a standby storage engine shows in its
 * status and metrics while another instance consumes.
 */
class StreamHousekeepingTests {

	@Test
	void theBacklogOfTheStorageGroupIsReportedOnceASecond() {
		RedisKeys keys = new RedisKeys(TestServices.redisPrefix() + "housekeeping-" + System.nanoTime() + ":");
		byte[] stream = keys.samples().getBytes(StandardCharsets.UTF_8);
		byte[] group = RedisKeys.STORAGE_GROUP.getBytes(StandardCharsets.UTF_8);
		RedisClient client = RedisClient.create(TestServices.redis().url());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			RedisCommands<byte[], byte[]> redis = connection.sync();
			redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
			for (int i = 0; i < 5; i++) {
				redis.xadd(stream, Map.of("b".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) i }));
			}
			// the holder read two and has not acknowledged them yet
			redis.xreadgroup(Consumer.from(group, "a".getBytes(StandardCharsets.UTF_8)), XReadArgs.Builder.count(2),
					XReadArgs.StreamOffset.lastConsumed(stream));
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			StreamHousekeeping housekeeping = new StreamHousekeeping(keys, settings(), new StorageMetrics(registry));

			assertThat(housekeeping.reportIfDue(redis)).isTrue();
			assertThat(registry.get("parx.storage.stream.lag").gauge().value()).isEqualTo(3);
			assertThat(registry.get("parx.storage.stream.pending").gauge().value()).isEqualTo(2);
			assertThat(housekeeping.reportIfDue(redis)).as("again within the second").isFalse();
			redis.del(stream);
		}
		finally {
			client.shutdown();
		}
	}

	private static IngestSettings settings() {
		return new IngestSettings("b", 200, Duration.ofMillis(200), 1000, Duration.ofMillis(500), Duration.ofMinutes(2),
				Duration.ofSeconds(15), 3, Duration.ofMillis(500), Duration.ofSeconds(15), InsertMethod.DIRECT_COPY,
				Duration.ofSeconds(10));
	}

}
