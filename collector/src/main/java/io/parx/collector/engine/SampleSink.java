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

}
