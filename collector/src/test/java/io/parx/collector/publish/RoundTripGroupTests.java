package io.parx.collector.publish;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripGroupTests {

	@Test
	void aGroupStopsAtTheBatchBoundAndLeavesTheRestQueuedInOrder() {
		Queue<Integer> queue = new ArrayDeque<>(IntStream.range(0, 299).map((i) -> 1).boxed().toList());
		List<Integer> group = RoundTripGroup.take(1, queue, (samples) -> samples, Publisher.MAX_BATCHES_PER_ROUND_TRIP,
				Publisher.MAX_SAMPLES_PER_ROUND_TRIP);
		assertThat(group).hasSize(256);
		assertThat(queue).hasSize(300 - 256);
	}

	@Test
	void aGroupStopsBeforeTheBatchThatWouldPassTheSampleBound() {
		Queue<Integer> queue = new ArrayDeque<>(List.of(3_000, 3_000, 3_000, 5));
		List<Integer> group = RoundTripGroup.take(1_000, queue, (samples) -> samples,
				Publisher.MAX_BATCHES_PER_ROUND_TRIP, Publisher.MAX_SAMPLES_PER_ROUND_TRIP);
		assertThat(group).containsExactly(1_000, 3_000, 3_000, 3_000);
		assertThat(queue).containsExactly(5);
	}

	@Test
	void aBatchLargerThanTheSampleBoundTravelsAlone() {
		Queue<Integer> queue = new ArrayDeque<>(List.of(1, 2));
		assertThat(RoundTripGroup.take(20_000, queue, (samples) -> samples, 256, 10_000)).containsExactly(20_000);
		assertThat(queue).containsExactly(1, 2);
	}

	@Test
	void aLoneBatchIsAGroupOfOne() {
		assertThat(RoundTripGroup.take(7, new ArrayDeque<>(), (samples) -> samples, 256, 10_000)).containsExactly(7);
	}

}
