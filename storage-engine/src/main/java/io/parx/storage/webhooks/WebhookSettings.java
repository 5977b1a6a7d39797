package io.parx.storage.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery of alarm events to webhooks ({@code parx.storage.webhooks}).
 *
 * @param enabled whether this instance delivers at all (the outbox is written either way,
 * so another instance, or this one later, sends what is pending)
 * @param connectTimeout how long to wait for the receiver's TCP and TLS connection
 * @param requestTimeout how long to wait for its answer once connected
 * @param initialBackoff the wait before the second attempt; it doubles with each failure
 * @param maxBackoff the longest wait between two attempts
 * @param maxAge how long an event is retried before it is given up as failed
 * @param concurrency how many requests are in flight at once
 * @param pollInterval how often the outbox is checked for due deliveries when it was
 * empty
 * @param history how long finished deliveries (delivered, failed, discarded) are kept
 * @param maxHistory most finished deliveries kept per webhook
 */
@ConfigurationProperties("parx.storage.webhooks")
public record WebhookSettings(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("5m") Duration maxBackoff, @DefaultValue("24h") Duration maxAge,
		@DefaultValue("4") int concurrency, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("7d") Duration history, @DefaultValue("1000") int maxHistory) {

	public WebhookSettings {
		for (Duration duration : new Duration[] { connectTimeout, requestTimeout, initialBackoff, maxBackoff, maxAge,
				pollInterval, history }) {
			if (!duration.isPositive()) {
				throw new IllegalArgumentException("parx.storage.webhooks durations must be positive");
			}
		}
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("parx.storage.webhooks.max-backoff must be at least initial-backoff");
		}
		if (concurrency < 1 || concurrency > 64) {
			throw new IllegalArgumentException("parx.storage.webhooks.concurrency must be 1 to 64");
		}
		if (maxHistory < 1) {
			throw new IllegalArgumentException("parx.storage.webhooks.max-history must be positive");
		}
	}

	/**
	 * How long a claimed delivery stays invisible to other instances: past it, an
	 * instance that died in the middle of the request has its delivery sent again.
	 */
	Duration lease() {
		return this.connectTimeout.plus(this.requestTimeout).plusSeconds(30);
	}

	/** The wait after the given number of failed attempts (1 for the first). */
	Duration backoff(int failedAttempts) {
		int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
		Duration wait = this.initialBackoff.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0 || wait.isNegative()) ? this.maxBackoff : wait;
	}

}
