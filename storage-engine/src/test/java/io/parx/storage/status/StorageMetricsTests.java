package io.parx.storage.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ingest lag gauge that docs/OPERATIONS.md alerts on (issue #21). */
class StorageMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final StorageMetrics metrics = new StorageMetrics(this.registry);

	@Test
	void theIngestLagIsTheAgeOfTheNewestAcknowledgedEntryWhileEntriesWait() {
		long now = System.currentTimeMillis();
		this.metrics.acknowledged((now - 70_000) + "-0", (now - 60_000) + "-3");
		this.metrics.stream(500, 20);

		assertThat(lagSeconds()).isCloseTo(60, within(5.0));
	}

	@Test
	void aCaughtUpEngineHasNoIngestLagHoweverOldItsLastEntry() {
		// a quiet plant publishes nothing for an hour: that is no lag to alert on
		this.metrics.acknowledged((System.currentTimeMillis() - 3_600_000) + "-0");
		this.metrics.stream(0, 0);

		assertThat(lagSeconds()).isZero();
	}

	@Test
	void beforeTheFirstAcknowledgementTheLagIsLeftToTheBacklogAlert() {
		this.metrics.stream(1000, 0);

		assertThat(lagSeconds()).isZero();
	}

	private double lagSeconds() {
		return this.registry.get("parx.storage.ingest.lag").gauge().value();
	}

}
