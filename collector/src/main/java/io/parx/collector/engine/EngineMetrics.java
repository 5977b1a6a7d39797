package io.parx.collector.engine;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.common.config.channel.Protocol;

/**
 * The meters every engine feeds, tagged by protocol: samples read (Prometheus gives the
 * rate per second), read errors, poll latency, poll overruns and values lost at the
 * source.
 */
public final class EngineMetrics {

	private final Counter samples;

	private final Counter readErrors;

	private final Counter overruns;

	private final Timer pollLatency;

	private final Counter sourceLosses;

	public EngineMetrics(MeterRegistry registry, Protocol protocol) {
		String tag = protocol.name();
		this.samples = Counter.builder("parx.collector.samples")
			.description("Samples read")
			.tag("protocol", tag)
			.register(registry);
		this.readErrors = Counter.builder("parx.collector.read.errors")
			.description("Reads that ended with a bad quality")
			.tag("protocol", tag)
			.register(registry);
		this.overruns = Counter.builder("parx.collector.poll.overruns")
			.description("Poll cycles that started late because the previous one overran")
			.tag("protocol", tag)
			.register(registry);
		this.pollLatency = Timer.builder("parx.collector.poll.latency")
			.description("Duration of one poll cycle or request")
			.tag("protocol", tag)
			.register(registry);
		this.sourceLosses = Counter.builder("parx.collector.source.losses")
			.description("Values the device side dropped before they reached the collector, as far as the "
					+ "protocol says: OPC UA monitored-item queue overflows and lost publish responses")
			.tag("protocol", tag)
			.register(registry);
	}

	/** Meters that go nowhere, for unit tests. */
	public static EngineMetrics noop(Protocol protocol) {
		return new EngineMetrics(new SimpleMeterRegistry(), protocol);
	}

	public void samples(int count) {
		this.samples.increment(count);
	}

	public void readError() {
		this.readErrors.increment();
	}

	public void overrun() {
		this.overruns.increment();
	}

	public void pollLatency(Duration duration) {
		this.pollLatency.record(duration);
	}

	public void sourceLoss(long count) {
		this.sourceLosses.increment(count);
	}

	public long overrunCount() {
		return (long) this.overruns.count();
	}

}
