package io.parx.collector.failover;

import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.CollectorSettings;
import io.parx.common.redis.RedisKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the collector group: instance id, the leases in Redis and their keeper. */
@Configuration(proxyBeanMethods = false)
class FailoverConfiguration {

	@Bean
	InstanceId instanceId(FailoverSettings settings) {
		return InstanceId.of(settings);
	}

	@Bean(destroyMethod = "close")
	RedisLeaseStore leaseStore(RedisKeys keys, CollectorSettings collector, FailoverSettings settings) {
		return new RedisLeaseStore(settings.redisUrl(), keys, collector.name(), settings.renewInterval());
	}

	@Bean
	LeaseKeeper leaseKeeper(FailoverSettings settings, CollectorSettings collector, InstanceId instance,
			RedisLeaseStore store, HeldConnections held, MeterRegistry registry) {
		return new LeaseKeeper(settings, collector, instance, store, held, registry);
	}

}
