package io.parx.analytics.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenSecondRollupRuleTests {

	private static final long HOUR = 3_600_000_000L;

	@Test
	void chartsFromAnHourAndAHalfAt1630PointsMayReadTenSecondBuckets() {
		// Issue 15: raw views of 1.5 to 4.5 hours read up to 16,300 raw rows per channel
		// and were the slowest zooms; a 10 s bucket then stands for at most three points.
		// 10 s x 1,630 / 3 = 5,433.3 s
		assertThat(QueryService.tenSecondsWillDo(5_434_000_000L, 1630)).isTrue();
		assertThat(QueryService.tenSecondsWillDo(5_420_000_000L, 1630)).isFalse();
		assertThat(QueryService.tenSecondsWillDo(HOUR * 4, 1630)).isTrue();
	}

	@Test
	void shorterChartsKeepTheirRawSamples() {
		// Under 1.5 hours a bucket would stand for more than three pixels' points.
		assertThat(QueryService.tenSecondsWillDo(HOUR, 1630)).isFalse();
		assertThat(QueryService.tenSecondsWillDo(HOUR * 2, 3000)).isFalse();
	}

}
