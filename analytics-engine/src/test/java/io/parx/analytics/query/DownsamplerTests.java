package io.parx.analytics.query;

import org.junit.jupiter.api.Test;

import io.parx.analytics.history.NumericSeries;

import static org.assertj.core.api.Assertions.assertThat;

class DownsamplerTests {

	private static NumericSeries sawWithSpike(int size, int spikeAt) {
		NumericSeries series = new NumericSeries(size);
		for (int i = 0; i < size; i++) {
			series.add(i * 1_000_000L, (i == spikeAt) ? 1_000 : i % 10, 0);
		}
		return series;
	}

	@Test
	void lttbKeepsASingleSpikeThatAveragingWouldHide() {
		// The reason to use LTTB for charts: one-sample excursions stay visible.
		NumericSeries sampled = Downsampler.apply(Downsample.LTTB, sawWithSpike(100_000, 31_337), 100);
		assertThat(sampled.size()).isEqualTo(100);
		boolean spike = false;
		for (int i = 0; i < sampled.size(); i++) {
			spike |= sampled.value(i) == 1_000;
		}
		assertThat(spike).isTrue();
		assertThat(sampled.time(0)).isZero();
		assertThat(sampled.time(99)).isEqualTo(99_999 * 1_000_000L);
	}

	@Test
	void undefinedValuesAreSkippedAndSmallSeriesPassUnchanged() {
		NumericSeries series = new NumericSeries(4);
		series.add(0, 1, 0);
		series.add(1, Double.NaN, 0x80050000);
		series.add(2, 3, 0);
		NumericSeries sampled = Downsampler.apply(Downsample.MINMAX, series, 10);
		assertThat(sampled.size()).isEqualTo(2);
		assertThat(sampled.value(1)).isEqualTo(3);
	}

	@Test
	void minMaxEmitsBothExtremesOfEveryBucketInTimeOrder() {
		NumericSeries sampled = Downsampler.apply(Downsample.MINMAX, sawWithSpike(1_000, 500), 20);
		assertThat(sampled.size()).isLessThanOrEqualTo(20);
		for (int i = 1; i < sampled.size(); i++) {
			assertThat(sampled.time(i)).isGreaterThan(sampled.time(i - 1));
		}
		boolean spike = false;
		for (int i = 0; i < sampled.size(); i++) {
			spike |= sampled.value(i) == 1_000;
		}
		assertThat(spike).isTrue();
	}

}
