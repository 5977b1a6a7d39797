package io.parx.collector.publish;

import java.time.Clock;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.CollectorSettings;
import io.parx.collector.buffer.BufferSettings;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.collector.failover.FailoverSettings;
import io.parx.collector.failover.InstanceId;
import io.parx.common.redis.RedisKeys;
import io.parx.common.redis.RedisSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the publish pipeline: disk buffer, Redis writer and the {@link Publisher}. */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

	@Bean
	RedisKeys redisKeys(RedisSettings settings) {
		return settings.keys();
	}

	@Bean(destroyMethod = "close")
	DiskBuffer diskBuffer(BufferSettings settings) {
		return new DiskBuffer(settings, Clock.systemUTC());
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	Publisher publisher(PublishSettings settings, RedisKeys keys, CollectorSettings collector, DiskBuffer buffer,
			FailoverSettings failover, InstanceId instance, MeterRegistry registry) {
		RedisBatchWriter writer = new RedisBatchWriter(settings.redisUrl(), keys, collector.name(),
				failover.enabled() ? instance.value() : null, settings.commandTimeout());
		Publisher publisher = new Publisher(writer, buffer, settings, Clock.systemUTC(), registry);
		Gauge.builder("parx.collector.buffer.depth", buffer, DiskBuffer::depth)
			.description("Batches waiting in the disk buffer")
			.register(registry);
		// how long the oldest buffered batch has waited: the alert that the
		// store-and-forward
		// buffer is not draining, whatever its depth
		Gauge.builder("parx.collector.buffer.age", buffer, PublishConfiguration::oldestAgeSeconds)
			.baseUnit("seconds")
			.description("Age of the oldest batch in the disk buffer (0 when empty)")
			.register(registry);
		Gauge.builder("parx.collector.buffer.bytes", buffer, DiskBuffer::bytes)
			.baseUnit("bytes")
			.description("Size of the disk buffer")
			.register(registry);
		FunctionCounter.builder("parx.collector.buffer.dropped", buffer, DiskBuffer::droppedBatches)
			.description("Batches dropped by the buffer's size or age bound")
			.register(registry);
		FunctionCounter.builder("parx.collector.buffer.torn", buffer, DiskBuffer::tornRecords)
			.description("Torn or corrupt buffer records skipped at start-up")
			.register(registry);
		FunctionCounter.builder("parx.collector.published.samples", publisher, Publisher::publishedSamples)
			.description("Samples published directly to Redis")
			.register(registry);
		FunctionCounter.builder("parx.collector.replayed.batches", publisher, Publisher::replayedBatches)
			.description("Batches replayed from the disk buffer")
			.register(registry);
		Gauge.builder("parx.collector.publish.spooling", publisher, (p) -> p.spooling() ? 1 : 0)
			.description("1 while batches go to the disk buffer")
			.register(registry);
		return publisher;
	}

	private static double oldestAgeSeconds(DiskBuffer buffer) {
		Long oldest = buffer.oldestBatchMillis();
		return (oldest != null) ? Math.max(0, System.currentTimeMillis() - oldest) / 1000.0 : 0;
	}

}
