package io.parx.collector.discovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much discovery (browsing a server, listening on a broker, reading a register range)
 * the collector does at once and for how long: it runs beside polling and must never take
 * its place.
 *
 * @param threads discoveries run at the same time, each on a thread of its own
 * @param queueCapacity discoveries waiting for a thread (at least 1, so that a request
 * arriving while a thread is just finishing waits for it); beyond that a request is
 * answered 503 {@code /problems/discovery-busy} at once
 * @param defaultTimeout time limit of a discovery that names none
 * @param maxTimeout the longest time limit a request may ask for
 */
@ConfigurationProperties("parx.collector.discovery")
public record DiscoverySettings(@DefaultValue("2") int threads, @DefaultValue("4") int queueCapacity,
		@DefaultValue("10s") Duration defaultTimeout, @DefaultValue("60s") Duration maxTimeout) {

	public DiscoverySettings {
		if (threads < 1 || threads > 32) {
			throw new IllegalArgumentException("threads must be between 1 and 32");
		}
		if (queueCapacity < 1 || queueCapacity > 1000) {
			throw new IllegalArgumentException("queueCapacity must be between 1 and 1000");
		}
		if (defaultTimeout.isNegative() || defaultTimeout.isZero() || defaultTimeout.compareTo(maxTimeout) > 0) {
			throw new IllegalArgumentException("defaultTimeout must be positive and at most maxTimeout");
		}
	}

	/** The defaults, for code that runs without Spring. */
	public static DiscoverySettings defaults() {
		return new DiscoverySettings(2, 4, Duration.ofSeconds(10), Duration.ofSeconds(60));
	}

	/** The time limit for a request's {@code timeoutMs}, the default when absent. */
	public Duration limit(Integer timeoutMs) {
		if (timeoutMs == null) {
			return this.defaultTimeout;
		}
		Duration asked = Duration.ofMillis(timeoutMs);
		return (asked.compareTo(this.maxTimeout) > 0) ? this.maxTimeout : asked;
	}

}
