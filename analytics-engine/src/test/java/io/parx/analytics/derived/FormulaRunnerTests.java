package io.parx.analytics.derived;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.parx.analytics.Expected;
import io.parx.analytics.HistoryFixture;
import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.history.Micros;
import io.parx.analytics.history.NumericSeries;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.ProblemException;
import io.parx.common.formula.FormulaSyntaxException;
import io.parx.db.test.TimeseriesBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/** Derived formulas over channels sampled at different times, on both backends. */
class FormulaRunnerTests {

	private static FormulaRunner runner(HistoryFixture fixture) {
		return new FormulaRunner(new SampleReader(fixture.timeseries), new ChannelDirectory(fixture.config),
				AnalyticsSettings.defaults());
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void channelsAreAlignedOnTheGridWithTheirPreviousValue(TimeseriesBackend backend) {
		// Temp every 10 s, pressure every 15 s at +7 s: a 4 s grid hits every alignment
		// case.
		HistoryFixture fixture = HistoryFixture.on(backend);
		FormulaRunner runner = runner(fixture);
		Instant from = HistoryFixture.START.plusSeconds(3600 + 3);
		Instant to = from.plusSeconds(600);
		FormulaRunner.Resolved resolved = runner.resolve("[Furnace Temp] + Pressure * 10 - #" + fixture.counterId);
		assertThat(resolved.channelIds()).containsExactly(fixture.tempId, fixture.pressureId, fixture.counterId);
		NumericSeries series = runner.run(resolved, from, to, 4_000_000L, 1000);
		assertThat(series.size()).isEqualTo(150);
		for (int i = 0; i < series.size(); i++) {
			Instant time = Micros.toInstant(series.time(i));
			double expected = Expected.previous(fixture.temp, time) + Expected.previous(fixture.pressure, time) * 10
					- Expected.previous(fixture.counter, time);
			if (Double.isNaN(expected)) {
				assertThat(series.value(i)).isNaN();
			}
			else {
				assertThat(series.value(i)).as("at %s", time).isCloseTo(expected, within(1e-9));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void aTotaliserIntegratesTheAlignedSeries(TimeseriesBackend backend) {
		// Counter steps by 1 per hour; on a 60 s grid over 2 hours from 00:30 its step
		// function
		// is 0 until 01:00 and 1 after, so the trapezoidal integral at the end is known
		// exactly.
		HistoryFixture fixture = HistoryFixture.on(backend);
		FormulaRunner runner = runner(fixture);
		Instant from = HistoryFixture.START.plusSeconds(1800);
		NumericSeries series = runner.run(runner.resolve("integral(Counter)"), from, from.plusSeconds(3600),
				60_000_000L, 100);
		assertThat(series.size()).isEqualTo(60);
		// 29 intervals at 0, one trapezoid 0->1 (30 s), 29 intervals at 1 (60 s each).
		assertThat(series.value(59)).isCloseTo(30 + 29 * 60, within(1e-9));
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void unknownChannelsAndSyntaxErrorsAreRefused(TimeseriesBackend backend) {
		HistoryFixture fixture = HistoryFixture.on(backend);
		FormulaRunner runner = runner(fixture);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> runner.resolve("[No Such Channel] + 1"))
			.satisfies((ex) -> assertThat(ex.problem().getStatus()).isEqualTo(400));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> runner.resolve("#999999 + 1"))
			.satisfies((ex) -> assertThat(ex.problem().getStatus()).isEqualTo(404));
		assertThatExceptionOfType(FormulaSyntaxException.class).isThrownBy(() -> runner.resolve("Pressure +"))
			.satisfies((ex) -> assertThat(ex.position()).isEqualTo(10));
	}

}
