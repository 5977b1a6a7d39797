package io.parx.analytics.query;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.parx.analytics.Expected;
import io.parx.analytics.HistoryFixture;
import io.parx.analytics.HistoryFixture.Point;
import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.history.RawPoint;
import io.parx.analytics.history.RollupReader;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.ProblemException;
import io.parx.db.test.TimeseriesBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Queries against generated history on TimescaleDB and on plain PostgreSQL, compared with
 * expectations computed from the generated points ({@link Expected}).
 */
class HistoryQueryTests {

	private static final double TOLERANCE = 1e-9;

	private static QueryService service(HistoryFixture fixture) {
		SampleReader samples = new SampleReader(fixture.timeseries);
		RollupReader rollups = new RollupReader(fixture.timeseries);
		AnalyticsSettings settings = AnalyticsSettings.defaults();
		return new QueryService(samples, rollups, new Aggregator(samples, rollups, settings),
				new ChannelDirectory(fixture.config), null, settings);
	}

	private static Series one(HistoryFixture fixture, long channelId, Instant from, Instant to, String interval,
			List<String> aggregates, String gapFill, String zone, Integer maxPoints, String downsample) {
		List<Series> series = service(fixture).query(new QueryRequest(List.of(channelId), null, from, to, interval,
				aggregates, gapFill, zone, maxPoints, downsample));
		assertThat(series).hasSize(1);
		return series.get(0);
	}

	@SuppressWarnings("unchecked")
	private static List<BucketPoint> buckets(Series series) {
		return (List<BucketPoint>) series.points();
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void minuteAggregatesComeFromTheRollupsAndEqualTheRawComputation(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START.plusSeconds(1800);
		Instant to = from.plusSeconds(7200);
		Series series = one(fixture, fixture.tempId, from, to, "1m",
				List.of("avg", "twa", "min", "max", "first", "last", "count", "sum"), null, null, null, null);
		Map<Instant, Expected.Bucket> expected = Expected.buckets(fixture.temp, from, to,
				(time) -> time.truncatedTo(ChronoUnit.MINUTES));
		assertThat(series.source()).isEqualTo("rollup_1m");
		assertThat(series.name()).isEqualTo("Furnace Temp");
		assertBuckets(buckets(series), expected);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void hourAggregatesIncludingTheTimeWeightedAverageMergeCorrectly(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant to = from.plusSeconds(86_400);
		Series series = one(fixture, fixture.pressureId, from, to, "1h",
				List.of("avg", "twa", "min", "max", "first", "last", "count", "sum"), null, null, null, null);
		assertThat(series.source()).isEqualTo("rollup_1h");
		assertBuckets(buckets(series),
				Expected.buckets(fixture.pressure, from, to, (time) -> time.truncatedTo(ChronoUnit.HOURS)));
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void eachAggregateAskedAloneEqualsItsValueInTheFullAnswer(TimeseriesBackend backend) {
		// Rollup reads fetch only the columns the asked aggregates need; asked alone,
		// each
		// aggregate must still find all of its inputs (days merge 24 hourly rows each).
		HistoryFixture fixture = HistoryFixture.on(backend);
		List<String> all = List.of("avg", "twa", "min", "max", "first", "last", "count", "sum");
		List<BucketPoint> full = buckets(one(fixture, fixture.tempId, HistoryFixture.START, HistoryFixture.END, "1d",
				all, null, null, null, null));
		assertThat(full).hasSize(3);
		for (String label : all) {
			Aggregate aggregate = Aggregate.parse("aggregates", List.of(label)).iterator().next();
			List<BucketPoint> alone = buckets(one(fixture, fixture.tempId, HistoryFixture.START, HistoryFixture.END,
					"1d", List.of(label), null, null, null, null));
			assertThat(alone).extracting((point) -> point.get(aggregate))
				.as(label)
				.containsExactlyElementsOf(full.stream().map((point) -> point.get(aggregate)).toList());
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void severalChannelsInOneRequestEachGetOnlyTheirOwnBucketsInTheOrderAskedFor(TimeseriesBackend backend) {
		// The rollups of all channels of a request are read in one statement, grouped by
		// channel: each series must still hold exactly its own channel's buckets.
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant to = from.plusSeconds(86_400);
		List<String> aggregates = List.of("avg", "twa", "min", "max", "first", "last", "count", "sum");
		List<Long> ids = List.of(fixture.pressureId, fixture.counterId, fixture.tempId, fixture.pressureId);
		List<Series> series = service(fixture)
			.query(new QueryRequest(ids, null, from, to, "1h", aggregates, null, null, null, null));
		assertThat(series).extracting(Series::id).containsExactlyElementsOf(ids);
		assertThat(series).extracting(Series::source).containsOnly("rollup_1h");
		assertBuckets(buckets(series.get(0)),
				Expected.buckets(fixture.pressure, from, to, (time) -> time.truncatedTo(ChronoUnit.HOURS)));
		assertBuckets(buckets(series.get(1)),
				Expected.buckets(fixture.counter, from, to, (time) -> time.truncatedTo(ChronoUnit.HOURS)));
		assertBuckets(buckets(series.get(2)),
				Expected.buckets(fixture.temp, from, to, (time) -> time.truncatedTo(ChronoUnit.HOURS)));
		assertThat(series.get(3).points()).isEqualTo(series.get(0).points());
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void severalChannelsWithStddevGetTheSameAnswersAsEachAlone(TimeseriesBackend backend) {
		// The raw pass for stddev and goodShare runs per channel after the shared rollup
		// read and is merged into each channel's buckets by time.
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START.plusSeconds(8 * 3600);
		Instant to = from.plusSeconds(6 * 3600);
		List<String> aggregates = List.of("avg", "min", "count", "stddev", "goodShare");
		List<Long> ids = List.of(fixture.tempId, fixture.pressureId);
		List<Series> series = service(fixture)
			.query(new QueryRequest(ids, null, from, to, "1h", aggregates, null, null, null, null));
		for (int i = 0; i < ids.size(); i++) {
			Series alone = one(fixture, ids.get(i), from, to, "1h", aggregates, null, null, null, null);
			assertThat(series.get(i)).isEqualTo(alone);
			assertThat(alone.source()).isEqualTo("rollup_1h+raw");
		}
		// The pressure gap (10:00 to 12:00) has no buckets at all.
		assertThat(buckets(series.get(1))).hasSize(4);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void dayBucketsStartAtLocalMidnightAndTheDaylightSavingDayHas23Hours(TimeseriesBackend backend) {
		// 2026-03-29 is the spring-forward day in Berlin: its bucket must hold 23 hours
		// of samples.
		HistoryFixture fixture = HistoryFixture.on(backend);
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Instant from = HistoryFixture.START;
		Instant to = HistoryFixture.END;
		Series series = one(fixture, fixture.tempId, from, to, "1d", List.of("avg", "twa", "min", "max", "count"), null,
				"Europe/Berlin", null, null);
		Map<Instant, Expected.Bucket> expected = Expected.buckets(fixture.temp, from, to,
				(time) -> time.atZone(berlin).truncatedTo(ChronoUnit.DAYS).toInstant());
		List<BucketPoint> points = buckets(series);
		assertThat(points).extracting(BucketPoint::time)
			.containsExactly(Instant.parse("2026-03-27T23:00:00Z"), Instant.parse("2026-03-28T23:00:00Z"),
					Instant.parse("2026-03-29T22:00:00Z"), Instant.parse("2026-03-30T22:00:00Z"));
		assertThat(points.get(1).count()).isEqualTo(expected.get(points.get(1).time()).count()).isLessThan(8640 - 300);
		assertBuckets(points, expected);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void stddevAndGoodShareComeFromRawRowsNextToTheRollups(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant to = from.plusSeconds(6 * 3600);
		Series series = one(fixture, fixture.tempId, from, to, "1h", List.of("avg", "stddev", "goodShare"), null, null,
				null, null);
		assertThat(series.source()).isEqualTo("rollup_1h+raw");
		Map<Instant, Expected.Bucket> expected = Expected.buckets(fixture.temp, from, to,
				(time) -> time.truncatedTo(ChronoUnit.HOURS));
		for (BucketPoint point : buckets(series)) {
			Expected.Bucket bucket = expected.get(point.time());
			assertThat(point.stddev()).isCloseTo(bucket.stddev(), within(TOLERANCE));
			assertThat(point.goodShare()).isCloseTo(bucket.goodShare(), within(TOLERANCE));
			assertThat(point.goodShare()).isLessThan(1.0);
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void secondBucketsAreComputedFromRawRows(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START.plusSeconds(3);
		Instant to = from.plusSeconds(600);
		Series series = one(fixture, fixture.pressureId, from, to, "1s",
				List.of("avg", "min", "max", "count", "first", "last", "twa", "sum"), null, null, null, null);
		assertThat(series.source()).isEqualTo("raw");
		assertBuckets(buckets(series),
				Expected.buckets(fixture.pressure, from, to, (time) -> time.truncatedTo(ChronoUnit.SECONDS)));
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void gapFillingAnswersTheEmptyHoursWithThePreviousOrInterpolatedValues(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.GAP_START.minusSeconds(3600);
		Instant to = HistoryFixture.GAP_END.plusSeconds(3600);
		Map<Instant, Expected.Bucket> expected = Expected.buckets(fixture.pressure, from, to,
				(time) -> time.truncatedTo(ChronoUnit.HOURS));
		Expected.Bucket before = expected.get(from);
		Expected.Bucket after = expected.get(HistoryFixture.GAP_END);

		List<BucketPoint> none = buckets(
				one(fixture, fixture.pressureId, from, to, "1h", List.of("avg"), "none", null, null, null));
		assertThat(none).hasSize(2);

		List<BucketPoint> previous = buckets(one(fixture, fixture.pressureId, from, to, "1h",
				List.of("avg", "last", "count"), "previous", null, null, null));
		assertThat(previous).hasSize(4);
		assertThat(previous.get(1).filled()).isTrue();
		assertThat(previous.get(1).avg()).isEqualTo(before.last());
		assertThat(previous.get(2).last()).isEqualTo(before.last());
		assertThat(previous.get(2).count()).isZero();

		List<BucketPoint> linear = buckets(
				one(fixture, fixture.pressureId, from, to, "1h", List.of("avg"), "linear", null, null, null));
		assertThat(linear).hasSize(4);
		assertThat(linear.get(1).avg()).isCloseTo(before.avg() + (after.avg() - before.avg()) / 3, within(TOLERANCE));
		assertThat(linear.get(2).avg()).isCloseTo(before.avg() + 2 * (after.avg() - before.avg()) / 3,
				within(TOLERANCE));
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void rawQueriesReturnQualityAndNoValueForBadSamples(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant to = from.plusSeconds(1000);
		Series series = one(fixture, fixture.tempId, from, to, "raw", null, null, null, null, null);
		@SuppressWarnings("unchecked")
		List<RawPoint> points = (List<RawPoint>) series.points();
		assertThat(points).hasSize(100);
		assertThat(points.get(96).value()).isNull();
		assertThat(points.get(96).quality()).isEqualTo(0x80050000L);
		assertThat(points.get(0).value()).isEqualTo(fixture.temp.get(0).value());
		assertThat(points.get(0).quality()).isZero();
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void lttbReturnsExactlyMaxPointsWithTheFirstAndLastPoint(TimeseriesBackend backend) {
		// 12 hours of 10 s samples are under 10 per point: raw rows, exact.
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant to = from.plusSeconds(12 * 3600);
		Series series = one(fixture, fixture.tempId, from, to, "raw", null, null, null, 500, "lttb");
		@SuppressWarnings("unchecked")
		List<RawPoint> points = (List<RawPoint>) series.points();
		List<Point> defined = fixture.temp.stream()
			.filter((point) -> point.isDefined() && point.time().isBefore(to))
			.toList();
		assertThat(series.source()).isEqualTo("raw+lttb");
		assertThat(points).hasSize(500);
		assertThat(points.get(0).time()).isEqualTo(defined.get(0).time());
		assertThat(points.get(499).time()).isEqualTo(defined.get(defined.size() - 1).time());
		assertThat(points).extracting(RawPoint::time).isSorted();
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void lttbReadsTheCoarsestRollupNoWiderThanAPointAndSaysWhichOne(TimeseriesBackend backend) {
		// Issue 15: a chart reads at most a few rows per point, never a finer level than
		// its pixels need, and the answer names the level it read.
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant day = from.plusSeconds(86_400);
		assertThat(one(fixture, fixture.tempId, from, day, "raw", null, null, null, 500, "lttb").source())
			.isEqualTo("rollup_1m+lttb");
		assertThat(
				one(fixture, fixture.tempId, from, HistoryFixture.END, "raw", null, null, null, 100, "lttb").source())
			.isEqualTo("rollup_10m+lttb");
		assertThat(one(fixture, fixture.tempId, from, HistoryFixture.END, "raw", null, null, null, 50, "lttb").source())
			.isEqualTo("rollup_1h+lttb");
		// The first point of a rollup answer is its first bucket's average.
		Series tenMinutes = one(fixture, fixture.tempId, from, HistoryFixture.END, "raw", null, null, null, 100,
				"lttb");
		@SuppressWarnings("unchecked")
		RawPoint first = ((List<RawPoint>) tenMinutes.points()).get(0);
		double average = fixture.temp.stream()
			.filter((point) -> point.isDefined() && point.time().isBefore(from.plusSeconds(600)))
			.mapToDouble(Point::value)
			.average()
			.orElseThrow();
		assertThat(first.time()).isEqualTo(from);
		assertThat((Double) first.value()).isCloseTo(average, within(TOLERANCE));
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void aSparseChannelIsDownsampledFromItsRawSamples(TimeseriesBackend backend) {
		// One sample an hour: the hourly rollup would do, but 72 exact samples cost no
		// more to read.
		HistoryFixture fixture = HistoryFixture.on(backend);
		Series series = one(fixture, fixture.counterId, HistoryFixture.START, HistoryFixture.END, "raw", null, null,
				null, 10, "lttb");
		assertThat(series.source()).isEqualTo("raw+lttb");
		@SuppressWarnings("unchecked")
		List<RawPoint> points = (List<RawPoint>) series.points();
		assertThat(points).hasSize(10);
		assertThat(points.get(0).time()).isEqualTo(HistoryFixture.START);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void eachChannelOfOneChartSaysWhereItsPointsCameFrom(TimeseriesBackend backend) {
		// The rollup of all channels is read at once; a sparse channel among dense ones
		// still gets its exact samples, and the series keep the request's order.
		HistoryFixture fixture = HistoryFixture.on(backend);
		List<Series> series = service(fixture).query(new QueryRequest(List.of(fixture.counterId, fixture.tempId), null,
				HistoryFixture.START, HistoryFixture.END, "raw", null, null, null, 50, "lttb"));
		assertThat(series).extracting(Series::id).containsExactly(fixture.counterId, fixture.tempId);
		assertThat(series).extracting(Series::source).containsExactly("raw+lttb", "rollup_1h+lttb");
		assertThat(series).allSatisfy((s) -> assertThat(s.points()).hasSize(50));
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void rawRowsOfSeveralChannelsReadInOneStatementEqualEachChannelReadAlone(TimeseriesBackend backend) {
		// Issue 15: raw views read all channels in one statement; no channel may get
		// another's rows, lose its first or last one, or change order.
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant to = from.plusSeconds(7200);
		List<Series> together = service(fixture)
			.query(new QueryRequest(List.of(fixture.pressureId, fixture.tempId, fixture.counterId), null, from, to,
					"raw", null, null, null, 2000, "lttb"));
		assertThat(together).extracting(Series::source).containsOnly("raw+lttb");
		assertThat(together.get(0).points())
			.isEqualTo(one(fixture, fixture.pressureId, from, to, "raw", null, null, null, 2000, "lttb").points());
		assertThat(together.get(1).points())
			.isEqualTo(one(fixture, fixture.tempId, from, to, "raw", null, null, null, 2000, "lttb").points());
		assertThat(together.get(0).points()).hasSize(480);
		// 720 samples, of which 7 bad, which downsampling skips
		assertThat(together.get(1).points()).hasSize(713);
		assertThat(together.get(2).points()).hasSize(2);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void aChartAnswersTheQuerysPointsAsColumns(TimeseriesBackend backend) {
		// The columnar answer of /chart must draw exactly what /query's points draw.
		HistoryFixture fixture = HistoryFixture.on(backend);
		QueryRequest request = new QueryRequest(List.of(fixture.tempId, fixture.pressureId), null, HistoryFixture.START,
				HistoryFixture.START.plusSeconds(7200), "raw", null, null, null, 300, "lttb");
		List<Series> points = service(fixture).query(request);
		List<ChartSeries> columns = service(fixture).chart(QuerySpec.of(request, AnalyticsSettings.defaults()))
			.stream()
			.map(ChartSeries::of)
			.toList();
		for (int n = 0; n < 2; n++) {
			@SuppressWarnings("unchecked")
			List<RawPoint> expected = (List<RawPoint>) points.get(n).points();
			ChartSeries chart = columns.get(n);
			assertThat(chart.source()).isEqualTo(points.get(n).source());
			assertThat(chart.time())
				.containsExactly(expected.stream().mapToLong((point) -> point.time().toEpochMilli()).toArray());
			assertThat(chart.value())
				.containsExactly(expected.stream().map((p) -> (Double) p.value()).toArray(Double[]::new));
		}
		// Downsampling skips Furnace Temp's bad samples: every point left is Good.
		assertThat(columns).allSatisfy((chart) -> assertThat(chart.quality()).isNull());
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void minMaxDownsamplingKeepsTheExtremes(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Instant from = HistoryFixture.START;
		Instant to = from.plusSeconds(86_400);
		Series series = one(fixture, fixture.tempId, from, to, "raw", null, null, null, 400, "minmax");
		@SuppressWarnings("unchecked")
		List<RawPoint> points = (List<RawPoint>) series.points();
		double min = fixture.temp.stream()
			.filter((point) -> point.isDefined() && point.time().isBefore(to))
			.mapToDouble(Point::value)
			.min()
			.orElseThrow();
		double max = fixture.temp.stream()
			.filter((point) -> point.isDefined() && point.time().isBefore(to))
			.mapToDouble(Point::value)
			.max()
			.orElseThrow();
		assertThat(points).hasSizeLessThanOrEqualTo(400).hasSizeGreaterThan(300);
		assertThat(points).extracting(RawPoint::value).contains(min, max);
		assertThat(points).extracting(RawPoint::time).isSorted();
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void tooLargeRequestsAreRefusedWithAHint(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> one(fixture, fixture.tempId, HistoryFixture.START,
					HistoryFixture.START.plusSeconds(8 * 86_400), "raw", null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.problem().getStatus()).isEqualTo(413))
			.satisfies((ex) -> assertThat(ex.problem().getProperties()).containsKey("hint"));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> one(fixture, fixture.tempId, HistoryFixture.START, HistoryFixture.END, "1s", null, null,
					null, null, null))
			.satisfies((ex) -> assertThat(ex.problem().getStatus()).isEqualTo(413));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> one(fixture, fixture.tempId, HistoryFixture.START, HistoryFixture.END, "raw", null, null,
					null, 50, null))
			.satisfies((ex) -> assertThat(ex.problem().getStatus()).isEqualTo(413));
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void autoIntervalPicksTheFinestIntervalWithinMaxPoints(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		Series series = one(fixture, fixture.counterId, HistoryFixture.START, HistoryFixture.START.plusSeconds(86_400),
				"auto", List.of("last"), null, null, 2000, null);
		assertThat(series.interval()).isEqualTo("1m");
		assertThat(buckets(series)).hasSize(24);
	}

	private static void assertBuckets(List<BucketPoint> actual, Map<Instant, Expected.Bucket> expected) {
		assertThat(actual).extracting(BucketPoint::time).containsExactlyElementsOf(expected.keySet());
		for (BucketPoint point : actual) {
			Expected.Bucket bucket = expected.get(point.time());
			check(point.avg(), bucket.avg());
			check(point.twa(), bucket.twa());
			check(point.min(), bucket.min());
			check(point.max(), bucket.max());
			check(point.first(), bucket.first());
			check(point.last(), bucket.last());
			check(point.sum(), bucket.sum());
			if (point.count() != null) {
				assertThat(point.count()).isEqualTo(bucket.count());
			}
		}
	}

	private static void check(Double actual, double expected) {
		if (actual != null) {
			assertThat(actual).isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
		}
	}

	static Set<Aggregate> all() {
		return Set.of(Aggregate.values());
	}

}
