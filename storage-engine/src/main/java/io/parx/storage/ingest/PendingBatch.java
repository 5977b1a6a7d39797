package io.parx.storage.ingest;

import java.util.ArrayList;
import java.util.List;

import io.parx.common.sample.Sample;

/**
 * Stream entries read but not yet committed: their ids (acknowledged together after the
 * commit) and their samples. Bounded by the flush limits, so memory stays bounded
 * whatever the backlog in the stream.
 */
final class PendingBatch {

	final List<String> ids = new ArrayList<>();

	final List<Sample> samples = new ArrayList<>();

	long startedNanos;

	void add(String id, List<Sample> entrySamples) {
		if (this.ids.isEmpty()) {
			this.startedNanos = System.nanoTime();
		}
		this.ids.add(id);
		this.samples.addAll(entrySamples);
	}

	boolean isEmpty() {
		return this.ids.isEmpty();
	}

	long ageNanos() {
		return isEmpty() ? 0 : System.nanoTime() - this.startedNanos;
	}

	void clear() {
		this.ids.clear();
		this.samples.clear();
	}

}
