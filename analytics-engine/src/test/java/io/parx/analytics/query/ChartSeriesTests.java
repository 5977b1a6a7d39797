package io.parx.analytics.query;

import org.junit.jupiter.api.Test;

import io.parx.analytics.history.NumericSeries;

import static org.assertj.core.api.Assertions.assertThat;

class ChartSeriesTests {

	@Test
	void undefinedValuesBecomeNullAndBadWhileQualitiesAreSentOnlyWhenOneIsNotGood() {
		// A formula is undefined where an input is missing: the chart must break its line
		// there, and the browser reads the reason from the quality column.
		NumericSeries points = new NumericSeries(3);
		points.add(1_000_500L, 1.5, 0);
		points.add(2_000_000L, Double.NaN, 0);
		points.add(3_000_000L, 2.5, 0x40000000);
		ChartSeries chart = ChartSeries.of(new Sampled("derived", 7, "Ratio", "", "formula", points));
		assertThat(chart.time()).containsExactly(1_000L, 2_000L, 3_000L);
		assertThat(chart.value()).containsExactly(1.5, null, 2.5);
		assertThat(chart.quality()).containsExactly(0L, 0x80000000L, 0x40000000L);
	}

	@Test
	void anAllGoodSeriesHasNoQualityColumn() {
		NumericSeries points = new NumericSeries(2);
		points.add(0, 1, 0);
		points.add(1_000_000L, 2, 0);
		assertThat(ChartSeries.of(new Sampled("channel", 1, "T", "°C", "raw+lttb", points)).quality()).isNull();
	}

}
