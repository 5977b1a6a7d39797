package io.parx.collector.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.ToIntFunction;

/**
 * Which queued batches travel together in one Redis round trip: the first one always (a
 * batch larger than the sample bound goes alone), then those queued behind it while both
 * bounds hold. Batches that arrived during a round trip would otherwise wait one round
 * trip each; the sample bound keeps one script from holding Redis up for long.
 */
final class RoundTripGroup {

	private RoundTripGroup() {
	}

	/**
	 * Takes {@code first} and, in order, as many batches from the head of {@code queue}
	 * as fit into {@code maxBatches} batches and {@code maxSamples} samples.
	 */
	static <T> List<T> take(T first, Queue<T> queue, ToIntFunction<T> samples, int maxBatches, int maxSamples) {
		List<T> group = new ArrayList<>();
		group.add(first);
		int total = samples.applyAsInt(first);
		T next;
		while (group.size() < maxBatches && (next = queue.peek()) != null
				&& total + samples.applyAsInt(next) <= maxSamples) {
			group.add(queue.poll());
			total += samples.applyAsInt(next);
		}
		return group;
	}

}
