package io.parx.common.formula;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile input must be refused or computed within milliseconds, never hang a service
 * thread or exhaust its stack or memory.
 */
class FormulaLimitsTests {

	/**
	 * Generous for a cold JVM on a loaded CI machine (interpreted code, class loading);
	 * warm, each case takes microseconds to a millisecond.
	 */
	private static final Duration FAST = Duration.ofSeconds(1);

	@Test
	void hundredKilobytesOfInputAreRefusedBeforeParsing() {
		String text = "1+".repeat(50_000) + "1";
		FormulaSyntaxException error = assertTimeoutPreemptively(FAST, () -> catchSyntax(text));
		assertThat(error.position()).isEqualTo(10_000);
		assertThat(error.message()).contains("longer than 10000 characters");
	}

	@Test
	void deepNestingIsRefusedAtTheFirstTooDeepToken() {
		String text = "(".repeat(4_000) + "1" + ")".repeat(4_000);
		FormulaSyntaxException error = assertTimeoutPreemptively(FAST, () -> catchSyntax(text));
		assertThat(error.message()).contains("nested deeper than 64");
		assertThat(error.position()).isEqualTo(64);
	}

	@Test
	void deepUnaryAndPowerChainsAreRefusedToo() {
		assertThat(assertTimeoutPreemptively(FAST, () -> catchSyntax("-".repeat(3_000) + "1")).message())
			.contains("nested deeper");
		assertThat(assertTimeoutPreemptively(FAST, () -> catchSyntax("2^".repeat(3_000) + "1")).message())
			.contains("nested deeper");
	}

	@Test
	void tooManyTokensAreRefused() {
		String text = "1+".repeat(4_000) + "1";
		FormulaSyntaxException error = assertTimeoutPreemptively(FAST, () -> catchSyntax(text));
		assertThat(error.message()).contains("more than 2000 tokens");
	}

	@Test
	void theLargestAcceptedFormulaParsesAndEvaluatesInMilliseconds() {
		String text = "x+".repeat(999) + "x";
		double value = assertTimeoutPreemptively(FAST, () -> Formula.parse(text).evaluate(ChannelValues.of(1)));
		assertThat(value).isEqualTo(1000);
	}

	@Test
	void hugeConstantExponentsAreSyntaxErrorsAndRunTimeOverflowIsNaN() {
		// Math.pow is constant time, so nothing can hang; a constant that overflows is a
		// typo to report.
		FormulaSyntaxException error = assertTimeoutPreemptively(FAST, () -> catchSyntax("x + 9^9^9^9^9"));
		assertThat(error.message()).isEqualTo("constant expression overflows");
		assertThat(error.position()).isEqualTo(8);
		assertThat(catchSyntax("1 + 1e999").message()).isEqualTo("number out of range");
		assertThat(catchSyntax("1 + 1e999").position()).isEqualTo(4);
		double value = assertTimeoutPreemptively(FAST,
				() -> Formula.parse("pow(x, 1e308) + x ^ 1e300").evaluate(ChannelValues.of(10)));
		assertThat(value).isNaN();
		assertThat(Formula.parse("round(1e300, 15)").evaluate(ChannelValues.of())).isEqualTo(1e300);
		// digits read from a channel are clamped to -15..15 at run time
		assertThat(Formula.parse("round(2.5, x)").evaluate(ChannelValues.of(1e9))).isEqualTo(2.5);
	}

	@Test
	void customLimitsApply() {
		FormulaLimits limits = new FormulaLimits(10, 2, 5, 10);
		assertThatExceptionOfType(FormulaSyntaxException.class).isThrownBy(() -> Formula.parse("1 + 2 + 3 + 4", limits))
			.satisfies((error) -> assertThat(error.position()).isEqualTo(10));
		assertThatExceptionOfType(FormulaSyntaxException.class).isThrownBy(() -> Formula.parse("((1))", limits));
	}

	@Test
	void movingAverageWindowKeepsAtMostTheConfiguredSamples() {
		FormulaEvaluator evaluator = Formula.parse("avg(x, 1000)", new FormulaLimits(100, 8, 20, 3)).evaluator();
		double last = 0;
		for (int t = 1; t <= 10; t++) {
			last = evaluator.evaluate(t * 1_000_000L, ChannelValues.of(t));
		}
		assertThat(last).isEqualTo(9);
	}

	private static FormulaSyntaxException catchSyntax(String text) {
		return catchThrowableOfType(FormulaSyntaxException.class, () -> Formula.parse(text));
	}

}
