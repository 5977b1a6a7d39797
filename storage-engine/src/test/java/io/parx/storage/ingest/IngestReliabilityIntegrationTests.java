package io.parx.storage.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;
import io.parx.db.test.TestServices;
import io.parx.storage.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once ingest under the failures of issue 5, "Consuming" and "A database outage
 * stops acknowledging": redelivery, a dead consumer, poison entries, a database that goes
 * away.
 */
class IngestReliabilityIntegrationTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

	private static final byte[] STREAM = KEYS.samples().getBytes(StandardCharsets.UTF_8);

	private static final byte[] GROUP = RedisKeys.STORAGE_GROUP.getBytes(StandardCharsets.UTF_8);

	@Test
	void redeliveredEntriesAddNoDuplicateRows() {
		long channel = everySampleChannel();
		List<List<Sample>> batches = batches(channel, 20, 250);
		batches.forEach(AbstractIntegrationTest::produce);
		await().until(() -> count(channel) == 5000);

		// The collector re-sends after a lost reply, or Redis redelivers after a crash.
		batches.forEach(AbstractIntegrationTest::produce);
		awaitConsumed();

		assertThat(count(channel)).isEqualTo(5000);
		assertThat(queryLong("select sum(sample_count) from rollup_1m where channel_id = " + channel)).isEqualTo(5000);
	}

	@Test
	void entriesLeftPendingByADeadConsumerAreReclaimed() {
		long channel = everySampleChannel();
		try (StatefulRedisConnection<byte[], byte[]> connection = RedisClient.create(TestServices.redis().url())
			.connect(ByteArrayCodec.INSTANCE)) {
			RedisCommands<byte[], byte[]> redis = connection.sync();
			// Add and read as another consumer atomically, so the live consumer cannot
			// take the entry first; that consumer then "dies" without acknowledging.
			redis.multi();
			redis.xadd(STREAM, Map.of(RedisKeys.BATCH_FIELD.getBytes(StandardCharsets.UTF_8),
					SampleBatchCodec.encode(batches(channel, 1, 10).get(0))));
			redis.xreadgroup(Consumer.from(GROUP, "dead-instance".getBytes(StandardCharsets.UTF_8)),
					XReadArgs.Builder.count(1), XReadArgs.StreamOffset.lastConsumed(STREAM));
			List<Object> results = redis.exec().stream().toList();
			assertThat((List<?>) results.get(1)).hasSize(1);
		}

		// Reclaimed once idle longer than the claim idle time (2 s in tests).
		await().until(() -> count(channel) == 10);
		awaitConsumed();
	}

	@Test
	void undecodableEntryIsQuarantinedAfterMaxAttemptsWithoutBlockingOthers() {
		long channel = everySampleChannel();
		byte[] garbage = "not a sample batch".getBytes(StandardCharsets.UTF_8);
		long quarantinedBefore = redis().sync().xlen(KEYS.samplesQuarantine().getBytes(StandardCharsets.UTF_8));

		String poisonId = produceRaw(garbage);
		produce(batches(channel, 1, 5).get(0));

		await().until(() -> count(channel) == 5);
		await().until(() -> redis().sync()
			.xlen(KEYS.samplesQuarantine().getBytes(StandardCharsets.UTF_8)) == quarantinedBefore + 1);
		List<StreamMessage<byte[], byte[]>> parked = redis().sync()
			.xrevrange(KEYS.samplesQuarantine().getBytes(StandardCharsets.UTF_8), io.lettuce.core.Range.unbounded(),
					io.lettuce.core.Limit.from(1));
		assertThat(field(parked.get(0), "b")).isEqualTo(garbage);
		assertThat(new String(field(parked.get(0), "id"), StandardCharsets.UTF_8)).isEqualTo(poisonId);
		awaitConsumed();
	}

	@Test
	void databaseOutageStopsAcknowledgingKeepsTheBacklogInTheStreamAndLosesNothing() {
		long channel = everySampleChannel();
		proxy().cut();
		try {
			batches(channel, 40, 500).forEach(AbstractIntegrationTest::produce);
			// The engine has read (pending > 0) but acknowledges nothing: all 40 entries
			// stay in the stream, read or not. Whether it read them in one call or
			// several
			// depends on timing, so the split between pending and lag is not asserted.
			await().until(() -> groupInfo("pending") > 0 && groupInfo("pending") + groupInfo("lag") == 40);
			assertThat(count(channel)).isZero();
		}
		finally {
			proxy().restore();
		}
		await().atMost(java.time.Duration.ofSeconds(60)).until(() -> count(channel) == 20_000);
		awaitConsumed();
	}

	private long everySampleChannel() {
		long channel = this.config.channel();
		this.config.rule("CONTINUOUS", "{\"intervalMs\":0}", channel);
		reloadRules();
		return channel;
	}

	private static List<List<Sample>> batches(long channel, int batches, int size) {
		List<List<Sample>> result = new ArrayList<>();
		long start = Sample.toMicros(T0);
		for (int b = 0; b < batches; b++) {
			List<Sample> batch = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				long n = (long) b * size + i;
				batch.add(new Sample(channel, start + n * 100_000, SampleValue.of(n % 97), Quality.GOOD));
			}
			result.add(batch);
		}
		return result;
	}

	private static long count(long channel) {
		return queryLong("select count(*) from samples where channel_id = " + channel);
	}

	/** Every entry delivered and acknowledged. */
	private static void awaitConsumed() {
		await().until(() -> groupInfo("pending") == 0 && groupInfo("lag") == 0);
	}

	private static long groupInfo(String field) {
		for (Object group : redis().sync().xinfoGroups(STREAM)) {
			List<?> info = (List<?>) group;
			for (int i = 0; i + 1 < info.size(); i += 2) {
				Object key = info.get(i);
				String name = (key instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8) : String.valueOf(key);
				if (name.equals(field)) {
					return ((Number) info.get(i + 1)).longValue();
				}
			}
		}
		throw new AssertionError("no storage group on " + KEYS.samples());
	}

	private static byte[] field(StreamMessage<byte[], byte[]> message, String name) {
		return message.getBody()
			.entrySet()
			.stream()
			.filter((e) -> Arrays.equals(e.getKey(), name.getBytes(StandardCharsets.UTF_8)))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
	}

}
