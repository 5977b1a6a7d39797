package io.parx.analytics.stats;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.parx.analytics.Expected;
import io.parx.analytics.HistoryFixture;
import io.parx.analytics.HistoryFixture.Point;
import io.parx.db.test.TimeseriesBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Statistics on both backends against values computed from the generated points. */
class StatsRepositoryTests {

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void statisticsMatchTextbookFormulasOverTheGeneratedDay(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START.plusSeconds(3600);
		Instant to = from.plusSeconds(86_400);
		Statistics stats = new StatsRepository(fixture.timeseries).statistics(fixture.tempId, from, to);

		List<Point> inRange = fixture.temp.stream()
			.filter((point) -> !point.time().isBefore(from) && point.time().isBefore(to))
			.toList();
		Expected.Bucket expected = Expected.bucket(from, inRange);
		List<Double> sorted = inRange.stream().filter(Point::isDefined).map(Point::value).sorted().toList();
		Point minPoint = inRange.stream().filter((p) -> p.value() == expected.min()).findFirst().orElseThrow();
		Point maxPoint = inRange.stream().filter((p) -> p.value() == expected.max()).findFirst().orElseThrow();

		assertThat(stats.samples()).isEqualTo(inRange.size());
		assertThat(stats.count()).isEqualTo(expected.count());
		assertThat(stats.avg()).isCloseTo(expected.avg(), within(1e-9));
		assertThat(stats.twa()).isCloseTo(expected.twa(), within(1e-9));
		assertThat(stats.min()).isEqualTo(expected.min());
		assertThat(stats.minTime()).isEqualTo(minPoint.time());
		assertThat(stats.max()).isEqualTo(expected.max());
		assertThat(stats.maxTime()).isEqualTo(maxPoint.time());
		assertThat(stats.stddev()).isCloseTo(expected.stddev(), within(1e-9));
		assertThat(stats.p50()).isCloseTo(Expected.percentile(sorted, 0.5), within(1e-9));
		assertThat(stats.p95()).isCloseTo(Expected.percentile(sorted, 0.95), within(1e-9));
		assertThat(stats.p99()).isCloseTo(Expected.percentile(sorted, 0.99), within(1e-9));
		assertThat(stats.goodShare()).isCloseTo(expected.goodShare(), within(1e-12)).isLessThan(1);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void aRangeWithoutSamplesHasZeroCountsAndNoValues(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Statistics stats = new StatsRepository(fixture.timeseries).statistics(fixture.pressureId,
				HistoryFixture.GAP_START, HistoryFixture.GAP_START.plusSeconds(3600));
		assertThat(stats.samples()).isZero();
		assertThat(stats.avg()).isNull();
		assertThat(stats.p50()).isNull();
		assertThat(stats.goodShare()).isNull();
	}

}
