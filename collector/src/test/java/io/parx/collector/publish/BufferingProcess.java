package io.parx.collector.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.parx.collector.buffer.BufferSettings;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;

import org.springframework.util.unit.DataSize;

/**
 * The collector's publish pipeline in a process of its own, for {@link SigkillTests}:
 * publishes numbered samples forever to a Redis that does not answer, so everything goes
 * to the disk buffer, and reports how many batches the buffer holds.
 */
public final class BufferingProcess {

	private BufferingProcess() {
	}

	public static void main(String[] args) {
		Path dir = Path.of(args[0]);
		String redisUrl = args[1];
		PublishSettings settings = new PublishSettings(redisUrl, 1_000_000, 800_000, Duration.ofMillis(200),
				Duration.ofSeconds(1), 1000);
		DiskBuffer buffer = new DiskBuffer(new BufferSettings(dir, DataSize.ofMegabytes(100), Duration.ofDays(1),
				DataSize.ofKilobytes(32), BufferSettings.Fsync.INTERVAL, Duration.ofMillis(200)), Clock.systemUTC());
		Publisher publisher = new Publisher(
				new RedisBatchWriter(redisUrl, new RedisKeys(SigkillTests.PREFIX), "sigkill", Duration.ofMillis(200)),
				buffer, settings, Clock.systemUTC());
		publisher.start();
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		for (long i = 0;; i++) {
			publisher.publish(List.of(Sample.of(1, start.plusMillis(i), i), Sample.of(2, start.plusMillis(i), -i)));
			if (i % 50 == 0) {
				System.out.println("buffered " + buffer.depth());
				System.out.flush();
			}
			LockSupport.parkNanos(1_000_000);
		}
	}

}
