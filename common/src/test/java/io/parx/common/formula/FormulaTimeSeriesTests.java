package io.parx.common.formula;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Time-series functions on short hand-computed series. Times are seconds, converted to
 * microseconds.
 */
class FormulaTimeSeriesTests {

	private static double[] run(String text, long[] seconds, double[] values) {
		FormulaEvaluator evaluator = Formula.parse(text).evaluator();
		double[] results = new double[seconds.length];
		for (int i = 0; i < seconds.length; i++) {
			results[i] = evaluator.evaluate(seconds[i] * 1_000_000, ChannelValues.of(values[i]));
		}
		return results;
	}

	@Test
	void movingAverageCoversTheLastWindowSecondsExcludingItsStart() {
		// Window (t-3, t]: at t=3 it holds t=1..3, at t=4 it holds t=2..4.
		double[] result = run("avg(x, 3)", new long[] { 0, 1, 2, 3, 4, 5 }, new double[] { 1, 2, 3, 4, 5, 6 });
		assertThat(result).containsExactly(1, 1.5, 2, 3, 4, 5);
	}

	@Test
	void movingAverageSkipsUndefinedValues() {
		double[] result = run("avg(x, 10)", new long[] { 0, 1, 2 }, new double[] { 2, Double.NaN, 4 });
		assertThat(result).containsExactly(2, 2, 3);
	}

	@Test
	void rateIsChangePerSecondAndUndefinedAtTheFirstPoint() {
		double[] result = run("rate(x)", new long[] { 0, 2, 4, 5 }, new double[] { 10, 14, 14, 11 });
		assertThat(result[0]).isNaN();
		assertThat(result).containsSubsequence(2, 0, -3);
	}

	@Test
	void integralIsTrapezoidalOverSeconds() {
		// (0+2)/2*1 = 1; + (2+2)/2*2 = 5; + (2+0)/2*1 = 6
		double[] result = run("integral(x)", new long[] { 0, 1, 3, 4 }, new double[] { 0, 2, 2, 0 });
		assertThat(result).containsExactly(0, 1, 5, 6);
	}

	@Test
	void integralOfAConstantFlowIsFlowTimesDuration() {
		// A totaliser of 3 units/s over an hour at 1 Hz.
		FormulaEvaluator evaluator = Formula.parse("integral(flow)").evaluator();
		double total = 0;
		for (long t = 0; t <= 3600; t++) {
			total = evaluator.evaluate(t * 1_000_000, ChannelValues.of(3));
		}
		assertThat(total).isCloseTo(10_800, within(1e-9));
	}

	@Test
	void delayReturnsTheValueAtOrBeforeTheDelayedTime() {
		double[] result = run("delay(x, 2)", new long[] { 0, 1, 2, 3, 5 }, new double[] { 10, 11, 12, 13, 15 });
		assertThat(result[0]).isNaN();
		assertThat(result[1]).isNaN();
		assertThat(result).containsSubsequence(10, 11, 13);
	}

	@Test
	void nestedTimeSeriesFunctionsUpdateInnermostFirst() {
		// rate of x = 2 per second from t=1 on; the average of rate over 2 s is 2.
		double[] result = run("avg(rate(x), 2)", new long[] { 0, 1, 2, 3 }, new double[] { 0, 2, 4, 6 });
		assertThat(result[0]).isNaN();
		assertThat(result).containsSubsequence(2, 2, 2);
	}

	@Test
	void timeSeriesStateAdvancesEvenWhenItsIfBranchIsNotTaken() {
		// The totaliser must count flow while it is hidden, or it would jump when shown.
		double[] result = run("if(x > 1, integral(x), -1)", new long[] { 0, 1, 2 }, new double[] { 1, 1, 3 });
		assertThat(result).containsExactly(-1, -1, 3);
	}

	@Test
	void eachEvaluatorKeepsItsOwnState() {
		Formula formula = Formula.parse("integral(x)");
		assertThat(formula.isStateful()).isTrue();
		FormulaEvaluator first = formula.evaluator();
		first.evaluate(0, ChannelValues.of(1));
		first.evaluate(1_000_000, ChannelValues.of(1));
		FormulaEvaluator second = formula.evaluator();
		assertThat(second.evaluate(5_000_000, ChannelValues.of(1))).isZero();
		assertThat(first.evaluate(2_000_000, ChannelValues.of(1))).isEqualTo(2);
	}

	@Test
	void evaluationTimesMustNotGoBackwards() {
		FormulaEvaluator evaluator = Formula.parse("rate(x)").evaluator();
		evaluator.evaluate(10, ChannelValues.of(1));
		assertThatIllegalArgumentException().isThrownBy(() -> evaluator.evaluate(5, ChannelValues.of(1)));
	}

	@Test
	void windowMayBeAConstantExpression() {
		double[] result = run("avg(x, 1 * 60)", new long[] { 0, 59, 60 }, new double[] { 3, 6, 9 });
		assertThat(result).containsExactly(3, 4.5, 7.5);
	}

}
