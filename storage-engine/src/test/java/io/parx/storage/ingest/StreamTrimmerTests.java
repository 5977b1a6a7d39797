package io.parx.storage.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream is trimmed only behind what the group acknowledged (docs/CONTRACTS.md,
 * "Redis"): pending and undelivered entries always stay, so trimming can never lose a
 * sample.
 */
class StreamTrimmerTests {

	private final byte[] stream = (TestServices.redisPrefix() + "trim-" + System.nanoTime())
		.getBytes(StandardCharsets.UTF_8);

	private final byte[] group = "storage".getBytes(StandardCharsets.UTF_8);

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private RedisCommands<byte[], byte[]> redis;

	@BeforeEach
	void connect() {
		this.client = RedisClient.create(TestServices.redis().url());
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		this.redis = this.connection.sync();
		this.redis.xgroupCreate(XReadArgs.StreamOffset.from(this.stream, "0"), this.group,
				XGroupCreateArgs.Builder.mkstream());
	}

	@AfterEach
	void close() {
		this.redis.del(this.stream);
		this.connection.close();
		this.client.shutdown();
	}

	@Test
	void acknowledgedEntriesGoPendingOnesStay() {
		add(5);
		List<StreamMessage<byte[], byte[]>> read = read(5);
		this.redis.xack(this.stream, this.group, read.get(0).getId(), read.get(1).getId(), read.get(2).getId());

		assertThat(StreamTrimmer.trim(this.redis, this.stream)).isEqualTo(3);
		assertThat(this.redis.xlen(this.stream)).isEqualTo(2);
	}

	@Test
	void undeliveredEntriesStayWhenNothingIsPending() {
		add(3);
		List<StreamMessage<byte[], byte[]>> read = read(3);
		read.forEach((message) -> this.redis.xack(this.stream, this.group, message.getId()));
		add(2);

		assertThat(StreamTrimmer.trim(this.redis, this.stream)).isEqualTo(3);
		assertThat(this.redis.xlen(this.stream)).isEqualTo(2);
		assertThat(read(10)).hasSize(2);
	}

	@Test
	void aPendingEntryHoldsBackEverythingAfterIt() {
		add(4);
		List<StreamMessage<byte[], byte[]>> read = read(4);
		// The second entry is still being written by a slow or dead consumer.
		this.redis.xack(this.stream, this.group, read.get(0).getId(), read.get(2).getId(), read.get(3).getId());

		assertThat(StreamTrimmer.trim(this.redis, this.stream)).isEqualTo(1);
		assertThat(this.redis.xlen(this.stream)).isEqualTo(3);
	}

	@Test
	void aStreamNobodyReadIsNotTrimmed() {
		add(3);
		assertThat(StreamTrimmer.trim(this.redis, this.stream)).isZero();
		assertThat(this.redis.xlen(this.stream)).isEqualTo(3);
	}

	@Test
	void idsCompareByTimeThenSequence() {
		assertThat(StreamTrimmer.compare("10-0", "9-5")).isPositive();
		assertThat(StreamTrimmer.compare("10-2", "10-11")).isNegative();
		assertThat(StreamTrimmer.compare("7-1", "7-1")).isZero();
	}

	private void add(int count) {
		for (int i = 0; i < count; i++) {
			this.redis.xadd(this.stream, Map.of("b".getBytes(StandardCharsets.UTF_8), new byte[] { 1, 0 }));
		}
	}

	private List<StreamMessage<byte[], byte[]>> read(int count) {
		return this.redis.xreadgroup(Consumer.from(this.group, "c1".getBytes(StandardCharsets.UTF_8)),
				XReadArgs.Builder.count(count), XReadArgs.StreamOffset.lastConsumed(this.stream));
	}

}
