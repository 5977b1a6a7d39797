package io.parx.collector.opcua;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.parx.collector.engine.SampleSink;
import io.parx.common.sample.Sample;

/** A real sink that keeps every published sample, in order. */
final class CollectingSink implements SampleSink {

	private final List<Sample> samples = new CopyOnWriteArrayList<>();

	@Override
	public void publish(List<Sample> batch) {
		this.samples.addAll(batch);
	}

	List<Sample> of(long channelId) {
		return this.samples.stream().filter((sample) -> sample.channelId() == channelId).toList();
	}

	Sample last(long channelId) {
		List<Sample> samples = of(channelId);
		return samples.isEmpty() ? null : samples.getLast();
	}

}
