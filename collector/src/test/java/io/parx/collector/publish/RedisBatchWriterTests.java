package io.parx.collector.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.buffer.BufferSettings;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.collector.support.RedisServerProcess;
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
 * Several batches in one round trip: each stays its own stream entry and live message, in
 * order, and the group respects the high-water mark and the resend guard exactly as
 * batches sent one by one do.
 */
class RedisBatchWriterTests {

	private static final RedisKeys KEYS = new RedisKeys("parx-writer-test:");

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@TempDir
	Path dir;

	private RedisServerProcess redis;

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> direct;

	@BeforeEach
	void startRedis() {
		this.redis = RedisServerProcess.start();
		this.client = RedisClient.create(this.redis.url());
		this.direct = this.client.connect(ByteArrayCodec.INSTANCE);
	}

	@AfterEach
	void stopRedis() {
		this.direct.close();
		this.client.shutdown();
		this.redis.close();
	}

	@Test
	void batchesSentTogetherBecomeOneStreamEntryEachInOrderAndTheLatestValueIsTheLastBatchs() {
		try (RedisBatchWriter writer = writer()) {
			RedisBatchWriter.Reply reply = writer.send(RedisBatchWriter.Mode.FULL,
					List.of(batch(100, 1.0), batch(101, 2.0), batch(102, 3.0)), -1);

			assertThat(reply.accepted()).isEqualTo(3);
			assertThat(reply.backlog()).isEqualTo(3);
		}
		assertThat(stream()).containsExactly(List.of(sample(100, 1.0)), List.of(sample(101, 2.0)),
				List.of(sample(102, 3.0)));
		assertThat(SampleBatchCodec.decodeOne(this.direct.sync().hget(bytes(KEYS.latest()), bytes("7"))))
			.isEqualTo(sample(102, 3.0));
		assertThat(new String(this.direct.sync().get(bytes(KEYS.prefix() + "collector:test:seq")),
				StandardCharsets.US_ASCII))
			.isEqualTo("102");
	}

	@Test
	void aGroupStopsFillingTheStreamOnceTheBacklogPassesTheHighWaterMark() {
		// Sending many batches at once must not push the stream further past the mark
		// than sending them one by one would: the rest belongs in the disk buffer.
		try (RedisBatchWriter writer = writer()) {
			writer.send(RedisBatchWriter.Mode.FULL, List.of(batch(1, 0), batch(2, 0), batch(3, 0)), -1);

			RedisBatchWriter.Reply reply = writer.send(RedisBatchWriter.Mode.FULL,
					List.of(batch(10, 1.0), batch(11, 2.0), batch(12, 3.0), batch(13, 4.0)), 4);

			assertThat(reply.accepted()).isEqualTo(2);
			assertThat(reply.backlog()).isEqualTo(5);
		}
		assertThat(this.direct.sync().xlen(bytes(KEYS.samples()))).isEqualTo(5);
		// The live paths still get every batch.
		assertThat(SampleBatchCodec.decodeOne(this.direct.sync().hget(bytes(KEYS.latest()), bytes("7"))))
			.isEqualTo(sample(13, 4.0));
	}

	@Test
	void aResentGroupAddsOnlyTheBatchesTheStreamHasNotTakenYet() {
		// A lost reply makes the publisher buffer and resend the whole group.
		try (RedisBatchWriter writer = writer()) {
			writer.send(RedisBatchWriter.Mode.FULL, List.of(batch(100, 1.0), batch(101, 2.0)), -1);

			RedisBatchWriter.Reply reply = writer.send(RedisBatchWriter.Mode.REPLAY,
					List.of(batch(100, 1.0), batch(101, 2.0), batch(102, 3.0)), -1);

			assertThat(reply.accepted()).isEqualTo(3);
		}
		assertThat(stream()).containsExactly(List.of(sample(100, 1.0)), List.of(sample(101, 2.0)),
				List.of(sample(102, 3.0)));
	}

	@Test
	void batchesPublishedFasterThanRedisAnswersArriveOnceEachAndInOrder() {
		PublishSettings settings = new PublishSettings(this.redis.url(), 1_000_000, 800_000, Duration.ofSeconds(2),
				Duration.ofMillis(100), 10_000);
		BufferSettings bufferSettings = new BufferSettings(this.dir, DataSize.ofMegabytes(10), Duration.ofDays(1),
				DataSize.ofKilobytes(64), BufferSettings.Fsync.INTERVAL, Duration.ofMillis(100));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		List<List<Sample>> sent = new ArrayList<>();
		try (Publisher publisher = new Publisher(writer(), new DiskBuffer(bufferSettings, Clock.systemUTC()), settings,
				Clock.systemUTC(), registry)) {
			publisher.start();
			for (int i = 0; i < 2000; i++) {
				List<Sample> batch = List.of(Sample.of(7, T0.plusMillis(i), i), Sample.of(8, T0.plusMillis(i), -i));
				sent.add(batch);
				publisher.publish(batch);
			}
			await().until(() -> publisher.publishedBatches() == sent.size());
		}
		assertThat(stream()).containsExactlyElementsOf(sent);
		assertThat(registry.get("parx.collector.publish.latency").timer().count()).isEqualTo(sent.size());
	}

	private RedisBatchWriter writer() {
		return new RedisBatchWriter(this.redis.url(), KEYS, "test", Duration.ofSeconds(2));
	}

	private static RedisBatchWriter.Batch batch(long sequence, double value) {
		List<Sample> samples = List.of(sample(sequence, value));
		return new RedisBatchWriter.Batch(sequence, SampleBatchCodec.encode(samples), samples);
	}

	private static Sample sample(long sequence, double value) {
		return Sample.of(7, T0.plusMillis(sequence), value);
	}

	private List<List<Sample>> stream() {
		List<List<Sample>> batches = new ArrayList<>();
		for (StreamMessage<byte[], byte[]> message : this.direct.sync()
			.xrange(bytes(KEYS.samples()), Range.create("-", "+"))) {
			batches.add(SampleBatchCodec.decode(message.getBody().values().iterator().next()));
		}
		return batches;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
