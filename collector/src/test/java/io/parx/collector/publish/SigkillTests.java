package io.parx.collector.publish;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.collector.buffer.BufferSettings;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.collector.support.RedisServerProcess;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4: "A collector killed with SIGKILL loses nothing that reached the buffer; on
 * restart it replays." The publish pipeline runs in a child JVM that spools to disk, is
 * killed with SIGKILL mid-write, and a new pipeline on the same directory replays into a
 * Redis of the test's own.
 */
class SigkillTests {

	static final String PREFIX = "parx-sigkill-test:";

	@TempDir
	Path dir;

	@Test
	void aPipelineKilledWithSigkillLosesNothingThatReachedTheBufferAndReplaysItInOrder() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		String unreachable = "redis://127.0.0.1:" + RedisServerProcess.freePort();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				BufferingProcess.class.getName(), this.dir.toString(), unreachable)
			.redirectErrorStream(true)
			.start();
		AtomicLong reported = new AtomicLong();
		Thread.ofVirtual().start(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					if (line.startsWith("buffered ")) {
						reported.set(Long.parseLong(line.substring(9).strip()));
					}
				}
			}
			catch (Exception ex) {
				// the child died
			}
		});
		await().atMost(Duration.ofSeconds(60)).until(() -> reported.get() >= 500);
		child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close()
		child.waitFor();
		long reportedBeforeKill = reported.get();

		try (RedisServerProcess redis = RedisServerProcess.start()) {
			BufferSettings bufferSettings = new BufferSettings(this.dir, DataSize.ofMegabytes(100), Duration.ofDays(1),
					DataSize.ofKilobytes(32), BufferSettings.Fsync.INTERVAL, Duration.ofMillis(200));
			DiskBuffer buffer = new DiskBuffer(bufferSettings, Clock.systemUTC());
			long recovered = buffer.depth();
			assertThat(recovered).isGreaterThanOrEqualTo(reportedBeforeKill);
			assertThat(buffer.tornRecords()).isLessThanOrEqualTo(1);
			PublishSettings settings = new PublishSettings(redis.url(), 1_000_000, 800_000, Duration.ofSeconds(2),
					Duration.ofMillis(100), 1000);
			try (Publisher publisher = new Publisher(
					new RedisBatchWriter(redis.url(), new RedisKeys(PREFIX), "sigkill", Duration.ofSeconds(2)), buffer,
					settings, Clock.systemUTC())) {
				publisher.start();
				await().atMost(Duration.ofSeconds(60)).until(buffer::isEmpty);
			}
			List<Sample> replayed = stream(redis.url());
			assertThat(replayed).hasSize((int) (2 * recovered));
			for (int i = 0; i < replayed.size() / 2; i++) {
				assertThat(replayed.get(2 * i).value().asDouble()).isEqualTo(i);
				assertThat(replayed.get(2 * i + 1).value().asDouble()).isEqualTo(-i);
			}
		}
	}

	private static List<Sample> stream(String url) {
		RedisClient client = RedisClient.create(url);
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			List<Sample> samples = new ArrayList<>();
			for (StreamMessage<byte[], byte[]> message : connection.sync()
				.xrange(new RedisKeys(PREFIX).samples().getBytes(StandardCharsets.UTF_8), Range.create("-", "+"))) {
				samples.addAll(SampleBatchCodec.decode(message.getBody().values().iterator().next()));
			}
			return samples;
		}
		finally {
			client.shutdown();
		}
	}

}
