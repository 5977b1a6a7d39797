package io.parx.storage.ingest;

import java.time.Duration;

import io.parx.storage.timeseries.InsertMethod;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest batch is bounded in memory by {@code flush-points} plus one stream entry
 * however large the entries are, and it grows to {@code flush-points} only when a backlog
 * is there to fill it (ARCHITECTURE.md, "Batch size").
 */
class BatchLimitsTests {

	private static final int DEVICE_CYCLE = 2_500;

	private final BatchLimits limits = new BatchLimits(settings(200_000, Duration.ofMillis(500)));

	@Test
	void readsNoMoreEntriesThanFitUnderFlushPoints() {
		// 150,000 buffered: 20 more Modbus cycles of 2,500 samples reach 200,000 exactly.
		assertThat(this.limits.entriesToRead(150_000, DEVICE_CYCLE)).isEqualTo(20);
	}

	@Test
	void aBacklogOfLargeEntriesFillsTheBatchToFlushPointsAndNoFurther() {
		int buffered = 0;
		while (!this.limits.full(buffered, 0)) {
			buffered += this.limits.entriesToRead(buffered, DEVICE_CYCLE) * DEVICE_CYCLE;
		}
		assertThat(buffered).isEqualTo(200_000);
	}

	@Test
	void aFullBatchStillReadsOneEntrySoTheMemoryBoundIsFlushPointsPlusOneEntry() {
		assertThat(this.limits.entriesToRead(199_999, DEVICE_CYCLE)).isEqualTo(1);
		assertThat(this.limits.entriesToRead(200_000, DEVICE_CYCLE)).isEqualTo(1);
	}

	@Test
	void smallEntriesAreReadAtMostReadCountAtATime() {
		assertThat(this.limits.entriesToRead(0, 1)).isEqualTo(200);
	}

	@Test
	void aBatchIsDueWhenItHoldsFlushPointsOrReachesTheFlushInterval() {
		// While the engine keeps up, the interval commits small batches: history lags by
		// at most the interval.
		assertThat(this.limits.full(199_999, Duration.ofMillis(499).toNanos())).isFalse();
		assertThat(this.limits.full(200_000, 0)).isTrue();
		assertThat(this.limits.full(10, Duration.ofMillis(500).toNanos())).isTrue();
	}

	@Test
	void flushPointsDefaultsToTwentySamplesPerChannelOfATenThousandChannelPlant() {
		// Each commit upserts a rollup row per channel and bucket; 50,000-sample batches
		// fell behind 100,000 points/s from 10,000 channels (PlantIngestBench).
		IngestSettings defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("parx.storage.ingest",
				IngestSettings.class);
		assertThat(defaults.flushPoints()).isEqualTo(200_000);
	}

	private static IngestSettings settings(int flushPoints, Duration flushInterval) {
		return new IngestSettings("test", 200, Duration.ofMillis(200), flushPoints, flushInterval,
				Duration.ofMinutes(2), Duration.ofSeconds(15), 3, Duration.ofMillis(500), Duration.ofSeconds(15),
				InsertMethod.DIRECT_COPY, Duration.ofSeconds(10));
	}

}
