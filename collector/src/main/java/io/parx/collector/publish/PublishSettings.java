package io.parx.collector.publish;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing to Redis ({@code parx.collector.publish}).
 *
 * @param redisUrl the Redis samples are published to, by default
 * {@code spring.data.redis.url}
 * @param highWaterMark backlog of the sample stream (entries the storage engine's group
 * has not acknowledged, or the stream length without a group) above which the collector
 * spools to its disk buffer as if Redis were down (the storage engine is down or behind)
 * @param lowWaterMark backlog below which replay from the disk buffer resumes
 * @param commandTimeout how long one publish round trip may take before Redis counts as
 * unreachable
 * @param probeInterval how often an unreachable Redis is probed
 * @param queueCapacity batches queued between the engines and the publisher; engines wait
 * when it is full
 */
@ConfigurationProperties("parx.collector.publish")
public record PublishSettings(@DefaultValue("redis://localhost:6379") String redisUrl,
		@DefaultValue("1000000") long highWaterMark, @DefaultValue("800000") long lowWaterMark,
		@DefaultValue("2s") Duration commandTimeout, @DefaultValue("1s") Duration probeInterval,
		@DefaultValue("10000") int queueCapacity) {

	public PublishSettings {
		if (lowWaterMark > highWaterMark) {
			throw new IllegalArgumentException("lowWaterMark must not exceed highWaterMark");
		}
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("queueCapacity must be positive");
		}
	}

}
