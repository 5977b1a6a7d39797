package io.parx.collector.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.collector.buffer.BufferSettings;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.collector.support.RedisServerProcess;
import io.parx.db.test.TcpProxy;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Store-and-forward against a Redis of the test's own behind a TCP proxy that the test
 * cuts: nothing may be lost, duplicated or reordered on the durable stream.
 */
class StoreAndForwardTests {

	private static final RedisKeys KEYS = new RedisKeys("parx-sf-test:");

	@TempDir
	Path dir;

	private RedisServerProcess redis;

	private TcpProxy proxy;

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> direct;

	@BeforeEach
	void startRedis() {
		this.redis = RedisServerProcess.start();
		this.proxy = new TcpProxy("127.0.0.1", this.redis.port());
		this.client = RedisClient.create(this.redis.url());
		this.direct = this.client.connect(ByteArrayCodec.INSTANCE);
	}

	@AfterEach
	void stopRedis() {
		this.direct.close();
		this.client.shutdown();
		this.proxy.close();
		this.redis.close();
	}

	@Test
	void everySampleArrivesExactlyOnceAndInOrderWhenRedisIsUnreachableMidStream() {
		try (Publisher publisher = publisher(1_000_000, 800_000)) {
			List<Sample> sent = new ArrayList<>();
			Instant start = Instant.parse("2026-01-01T00:00:00Z");
			for (int batch = 0; batch < 300; batch++) {
				if (batch == 100) {
					await().until(() -> publisher.publishedBatches() >= 90);
					this.proxy.cut();
				}
				if (batch == 200) {
					await().until(() -> publisher.buffer().depth() >= 50);
					this.proxy.restore();
				}
				List<Sample> samples = new ArrayList<>();
				for (int channel = 1; channel <= 10; channel++) {
					samples.add(Sample.of(channel, start.plusMillis(batch), batch * 10 + channel));
				}
				sent.addAll(samples);
				publisher.publish(samples);
				pause();
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> streamSamples().size() >= sent.size());
			await().until(() -> publisher.buffer().isEmpty());
			assertThat(streamSamples()).containsExactlyElementsOf(sent);
			assertThat(publisher.replayedBatches()).isPositive();
			Sample latest = SampleBatchCodec.decodeOne(this.direct.sync().hget(bytes(KEYS.latest()), bytes("7")));
			assertThat(latest).isEqualTo(sent.get(sent.size() - 4));
		}
	}

	@Test
	void spoolsToDiskAboveTheHighWaterMarkAndReplaysWhenTheBacklogShrinks() {
		// The storage engine is behind: the stream must stay bounded, nothing is dropped.
		try (Publisher publisher = publisher(50, 20)) {
			List<Sample> sent = new ArrayList<>();
			for (int batch = 0; batch < 120; batch++) {
				Sample sample = Sample.of(1, Instant.parse("2026-01-01T00:00:00Z").plusMillis(batch), batch);
				sent.add(sample);
				publisher.publish(List.of(sample));
			}
			await().until(() -> publisher.buffer().depth() > 0 && publisher.queued() == 0);
			assertThat(this.direct.sync().xlen(bytes(KEYS.samples()))).isLessThanOrEqualTo(60);
			List<Sample> consumed = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumed.addAll(consumeAll());
				return consumed.size() >= sent.size();
			});
			assertThat(consumed).containsExactlyElementsOf(sent);
		}
	}

	@Test
	void measuresTheBacklogByTheStorageGroupsLagNotByTheStreamLength() {
		// The storage engine acknowledges without deleting: the stream stays long, yet
		// the
		// backlog is what the group has not acknowledged, so publishing must resume.
		this.direct.sync()
			.xgroupCreate(io.lettuce.core.XReadArgs.StreamOffset.from(bytes(KEYS.samples()), "0"),
					bytes(RedisKeys.STORAGE_GROUP), io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
		try (Publisher publisher = publisher(50, 20)) {
			List<Sample> sent = new ArrayList<>();
			for (int batch = 0; batch < 120; batch++) {
				Sample sample = Sample.of(1, Instant.parse("2026-01-01T00:00:00Z").plusMillis(batch), batch);
				sent.add(sample);
				publisher.publish(List.of(sample));
			}
			await().until(() -> publisher.buffer().depth() > 0 && publisher.queued() == 0);
			List<Sample> consumed = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumed.addAll(consumeWithGroup());
				return consumed.size() >= sent.size();
			});
			assertThat(consumed).containsExactlyElementsOf(sent);
			assertThat(this.direct.sync().xlen(bytes(KEYS.samples()))).isEqualTo(120);
		}
	}

	/** Reads and acknowledges what the group has not seen, like the storage engine. */
	private List<Sample> consumeWithGroup() {
		List<Sample> samples = new ArrayList<>();
		List<StreamMessage<byte[], byte[]>> messages = this.direct.sync()
			.xreadgroup(io.lettuce.core.Consumer.from(bytes(RedisKeys.STORAGE_GROUP), bytes("test")),
					io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(bytes(KEYS.samples())));
		for (StreamMessage<byte[], byte[]> message : messages) {
			samples.addAll(decode(message.getBody()));
			this.direct.sync().xack(bytes(KEYS.samples()), bytes(RedisKeys.STORAGE_GROUP), message.getId());
		}
		return samples;
	}

	@Test
	void aResentBatchIsNotAddedTwice() {
		// The reply of an XADD can be lost after Redis executed it; the resend from the
		// disk buffer must not duplicate the batch.
		RedisBatchWriter writer = new RedisBatchWriter(this.redis.url(), KEYS, "dup", Duration.ofSeconds(2));
		try (writer) {
			List<Sample> batch = List.of(Sample.of(3, Instant.now(), 1.5));
			byte[] encoded = SampleBatchCodec.encode(batch);
			writer.send(RedisBatchWriter.Mode.FULL, 100, encoded, batch);
			writer.send(RedisBatchWriter.Mode.REPLAY, 100, encoded, null);
			writer.send(RedisBatchWriter.Mode.REPLAY, 101, encoded, null);
		}
		assertThat(this.direct.sync().xlen(bytes(KEYS.samples()))).isEqualTo(2);
	}

	private Publisher publisher(long highWaterMark, long lowWaterMark) {
		PublishSettings settings = new PublishSettings("redis://127.0.0.1:" + this.proxy.port(), highWaterMark,
				lowWaterMark, Duration.ofMillis(500), Duration.ofMillis(100), 1000);
		BufferSettings bufferSettings = new BufferSettings(this.dir, DataSize.ofMegabytes(100), Duration.ofDays(1),
				DataSize.ofKilobytes(64), BufferSettings.Fsync.INTERVAL, Duration.ofMillis(100));
		RedisBatchWriter writer = new RedisBatchWriter(settings.redisUrl(), KEYS, "test", settings.commandTimeout());
		Publisher publisher = new Publisher(writer, new DiskBuffer(bufferSettings, Clock.systemUTC()), settings,
				Clock.systemUTC());
		publisher.start();
		return publisher;
	}

	private List<Sample> streamSamples() {
		List<Sample> samples = new ArrayList<>();
		for (StreamMessage<byte[], byte[]> message : this.direct.sync()
			.xrange(bytes(KEYS.samples()), io.lettuce.core.Range.create("-", "+"))) {
			samples.addAll(decode(message.getBody()));
		}
		return samples;
	}

	/** Reads and deletes what is in the stream, like a fast storage engine. */
	private List<Sample> consumeAll() {
		List<Sample> samples = new ArrayList<>();
		for (StreamMessage<byte[], byte[]> message : this.direct.sync()
			.xrange(bytes(KEYS.samples()), io.lettuce.core.Range.create("-", "+"))) {
			samples.addAll(decode(message.getBody()));
			this.direct.sync().xdel(bytes(KEYS.samples()), message.getId());
		}
		return samples;
	}

	private static List<Sample> decode(Map<byte[], byte[]> body) {
		return SampleBatchCodec.decode(body.values().iterator().next());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void pause() {
		// Paces the producer like a poll cycle (2 ms), not a wait for a condition.
		java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
	}

}
