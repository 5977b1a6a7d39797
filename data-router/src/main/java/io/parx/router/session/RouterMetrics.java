package io.parx.router.session;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The router's meters. Rates (frames and samples per second) come from the counters, e.g.
 * {@code rate(parx_router_frames_sent_total[1m])} in Prometheus.
 */
final class RouterMetrics {

	final Counter framesSent;

	final Counter samplesSent;

	final Counter coalesced;

	final Counter throttled;

	final Counter dropped;

	final Counter alarmsCoalesced;

	final Timer sendLatency;

	final Timer deliveryLatency;

	private final MeterRegistry registry;

	RouterMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.framesSent = Counter.builder("parx.router.frames.sent")
			.description("WebSocket frames sent to clients")
			.register(registry);
		this.samplesSent = Counter.builder("parx.router.samples.sent")
			.description("Samples sent to clients (snapshots and updates)")
			.register(registry);
		this.coalesced = Counter.builder("parx.router.samples.coalesced")
			.description("Queued samples replaced by a newer one of the same channel because a client was slow")
			.register(registry);
		this.throttled = Counter.builder("parx.router.samples.throttled")
			.description("Samples replaced by a newer one to honour a subscription's maxRate")
			.register(registry);
		this.dropped = Counter.builder("parx.router.samples.dropped")
			.description("Samples never delivered because their session was closed")
			.register(registry);
		this.alarmsCoalesced = Counter.builder("parx.router.alarms.coalesced")
			.description("Queued alarm frames replaced by a newer one of the same alarm because a client was slow")
			.register(registry);
		this.sendLatency = Timer.builder("parx.router.send.latency")
			.description("Time to hand one frame to the client's socket")
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(registry);
		this.deliveryLatency = Timer.builder("parx.router.delivery.latency")
			.description("Time from a sample's arrival from Redis to the end of the send that carried it")
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(registry);
	}

	void sessionClosed(String reason) {
		Counter.builder("parx.router.sessions.closed")
			.description("Sessions the router closed, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	void frameSent(int samples, long sendNanos, long oldestReceivedNanos, long now) {
		this.framesSent.increment();
		this.sendLatency.record(sendNanos, TimeUnit.NANOSECONDS);
		if (samples > 0) {
			this.samplesSent.increment(samples);
			this.deliveryLatency.record(now - oldestReceivedNanos, TimeUnit.NANOSECONDS);
		}
	}

}
