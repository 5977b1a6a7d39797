package io.parx.collector.engine;

import java.util.List;

import io.parx.common.sample.Sample;

/**
 * Where engines deliver what they read: the publish pipeline (Redis, or the disk buffer
 * while Redis is away). Engines call it once per poll cycle or per burst of subscription
 * data with all samples of that cycle.
 */
public interface SampleSink {

	/**
	 * Hands a batch to the publish pipeline. Never blocks for long: it queues the batch
	 * and returns; the pipeline owns the list afterwards.
	 * @param batch samples of one poll cycle, not empty
	 */
	void publish(List<Sample> batch);

	/**
	 * Hands a batch over and calls {@code onDurable} once the batch has reached the first
	 * durable step (the sample stream in Redis, or the disk buffer), on the pipeline's
	 * thread; a source that must confirm delivery (an MQTT QoS 1 acknowledgement) waits
	 * for it. The callback must be quick and never block. This default is for sinks
	 * without such a step: it calls back at once.
	 * @param batch samples of one poll cycle or burst of messages, not empty
	 * @param onDurable called once, when the batch is durable
	 */
	default void publish(List<Sample> batch, Runnable onDurable) {
		publish(batch);
		onDurable.run();
	}

}
