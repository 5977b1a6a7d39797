package io.parx.collector.publish;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.engine.SampleSink;
import io.parx.collector.failover.HeldConnections;
import io.parx.common.sample.Sample;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The sink the engines publish to: in a collector group with failover it passes on only
 * the samples of connections whose lease is valid at this moment, checked on the engine's
 * own thread when the batch is handed over. An instance that was paused (a long GC, a
 * stopped VM) and resumes after its lease ran out therefore publishes nothing it read
 * after that, even before its lease keeper has run and stopped the connection: no
 * duplicate readings beside those of the instance that took over.
 */
@Component
@Primary
class FencedSink implements SampleSink {

	private final Publisher publisher;

	private final HeldConnections held;

	private final Counter fenced;

	FencedSink(Publisher publisher, HeldConnections held, MeterRegistry registry) {
		this.publisher = publisher;
		this.held = held;
		this.fenced = Counter.builder("parx.collector.failover.fenced.samples")
			.description("Samples not published because their connection's lease was no longer valid")
			.register(registry);
	}

	@Override
	public void publish(List<Sample> batch) {
		List<Sample> admitted = admitted(batch);
		if (!admitted.isEmpty()) {
			this.publisher.publish(admitted);
		}
	}

	/**
	 * A batch with nothing admitted is not confirmed: an MQTT message is then not
	 * acknowledged, and the broker delivers it again to the instance that resumes the
	 * session.
	 */
	@Override
	public void publish(List<Sample> batch, Runnable onDurable) {
		List<Sample> admitted = admitted(batch);
		if (!admitted.isEmpty()) {
			this.publisher.publish(admitted, onDurable);
		}
	}

	private List<Sample> admitted(List<Sample> batch) {
		if (!this.held.enabled()) {
			return batch;
		}
		List<Sample> admitted = new ArrayList<>(batch.size());
		for (Sample sample : batch) {
			if (this.held.admits(sample.channelId())) {
				admitted.add(sample);
			}
		}
		if (admitted.size() < batch.size()) {
			this.fenced.increment(batch.size() - admitted.size());
		}
		return admitted;
	}

}
