package io.parx.storage.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The webhook deliveries' meters: {@code parx.storage.alarm.webhook.deliveries} by
 * outcome ({@code delivered}, {@code retried}, {@code failed}, {@code discarded}) and
 * {@code parx.storage.alarm.webhook.unannounced}.
 */
class WebhookMetrics {

	private final Counter delivered;

	private final Counter retried;

	private final Counter failed;

	private final Counter discarded;

	private final Counter unannounced;

	WebhookMetrics(MeterRegistry registry) {
		this.delivered = outcome(registry, "delivered");
		this.retried = outcome(registry, "retried");
		this.failed = outcome(registry, "failed");
		this.discarded = outcome(registry, "discarded");
		this.unannounced = Counter.builder("parx.storage.alarm.webhook.unannounced")
			.description("Alarm transitions written while the webhooks were not known yet, so sent to none")
			.register(registry);
	}

	private static Counter outcome(MeterRegistry registry, String outcome) {
		return Counter.builder("parx.storage.alarm.webhook.deliveries")
			.description("Webhook delivery attempts by outcome; retried: failed and to be tried again")
			.tag("outcome", outcome)
			.register(registry);
	}

	void delivered() {
		this.delivered.increment();
	}

	void retried() {
		this.retried.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void discarded() {
		this.discarded.increment();
	}

	void unannounced(int count) {
		this.unannounced.increment(count);
	}

}
