package io.parx.systemtest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.db.test.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fault in the middle of ingest: batches of one channel are fed into the sample stream
 * at a device's pace, the fault is applied once a tenth of them is stored, and in the end
 * every sample must be stored exactly once (count, distinct times, sum of values).
 */
final class FaultedIngest {

	private static final int PER_BATCH = 50;

	private final ParxStack stack;

	private final long channel;

	FaultedIngest(ParxStack stack, long channel) {
		this.stack = stack;
		this.channel = channel;
	}

	/**
	 * Feeds {@code batches} batches of 50 samples with times from {@code base} (1 ms
	 * apart), applies {@code fault}, then {@code recover}, and checks the stored rows.
	 */
	void run(Instant base, int batches, String fault, Step apply, Step recover) throws Exception {
		int total = batches * PER_BATCH;
		String range = " from samples where channel_id = " + this.channel + " and time >= '" + base + "' and time < '"
				+ base.plusMillis(total) + "'";
		AtomicInteger sent = new AtomicInteger();
		RedisClient client = RedisClient.create(TestServices.redis().url());
		try (StatefulRedisConnection<byte[], byte[]> redis = client.connect(ByteArrayCodec.INSTANCE)) {
			byte[] stream = new RedisKeys(this.stack.redisPrefix()).samples().getBytes();
			Thread producer = Thread.ofPlatform().name("system-test-producer").start(() -> {
				for (int b = 0; b < batches; b++) {
					List<Sample> samples = new ArrayList<>(PER_BATCH);
					for (int i = 0; i < PER_BATCH; i++) {
						int k = b * PER_BATCH + i;
						samples.add(Sample.of(this.channel, base.plus(k, ChronoUnit.MILLIS), k));
					}
					redis.sync()
						.xadd(stream, Map.of(RedisKeys.BATCH_FIELD.getBytes(), SampleBatchCodec.encode(samples)));
					sent.incrementAndGet();
					// a device's pace, about 40 batches a second, so that the fault lands
					// mid-ingest
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25));
				}
			});
			try {
				await("ingest under way").atMost(Duration.ofSeconds(30))
					.until(() -> this.stack.count("select count(*)" + range) >= total / 10);
				long atFault = this.stack.count("select count(*)" + range);
				apply.run();
				System.out.printf("system test: %s after %d of %d batches, %d rows stored%n", fault, sent.get(),
						batches, atFault);
				assertThat(atFault).as("fault mid-ingest").isLessThan(total);
				recover.run();
			}
			finally {
				producer.join(Duration.ofSeconds(60));
			}
			await("every sample stored").atMost(Duration.ofSeconds(60))
				.until(() -> this.stack.count("select count(*)" + range) >= total);
		}
		finally {
			client.shutdown();
		}
		assertThat(this.stack.count("select count(*)" + range)).isEqualTo(total);
		assertThat(this.stack.count("select count(distinct time)" + range)).isEqualTo(total);
		assertThat(this.stack.count("select sum(value_num)::bigint" + range)).isEqualTo((long) total * (total - 1) / 2);
	}

	@FunctionalInterface
	interface Step {

		void run() throws Exception;

	}

}
