package io.parx.common.formula;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FormulaEvaluationTests {

	private static double eval(String text, double... values) {
		return Formula.parse(text).evaluate(ChannelValues.of(values));
	}

	@Test
	void multiplicationBindsTighterThanAdditionAndParenthesesOverrideIt() {
		assertThat(eval("2 + 3 * 4")).isEqualTo(14);
		assertThat(eval("(2 + 3) * 4")).isEqualTo(20);
		assertThat(eval("10 - 4 - 3")).isEqualTo(3);
		assertThat(eval("2 * 3 % 4")).isEqualTo(2);
		assertThat(eval("7 % 4 + 1")).isEqualTo(4);
	}

	@Test
	void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
		// Mathematical convention (and Excel's opposite): -2^2 is -(2^2).
		assertThat(eval("-2^2")).isEqualTo(-4);
		assertThat(eval("2^3^2")).isEqualTo(512);
		assertThat(eval("2^-1")).isEqualTo(0.5);
		assertThat(eval("2^-1*4")).isEqualTo(2);
		assertThat(eval("--3")).isEqualTo(3);
		assertThat(eval("+3")).isEqualTo(3);
	}

	@Test
	void comparisonsBindLooserThanArithmeticAndYieldOneOrZero() {
		assertThat(eval("1 + 1 == 2")).isEqualTo(1);
		assertThat(eval("3 < 2")).isZero();
		assertThat(eval("2 <= 2")).isEqualTo(1);
		assertThat(eval("3 > 2")).isEqualTo(1);
		assertThat(eval("2 >= 3")).isZero();
		assertThat(eval("2 != 3")).isEqualTo(1);
	}

	@Test
	void andBindsTighterThanOrAndWordsEqualSymbols() {
		assertThat(eval("1 || 0 && 0")).isEqualTo(1);
		assertThat(eval("1 or 0 and 0")).isEqualTo(1);
		assertThat(eval("(1 || 0) && 0")).isZero();
		assertThat(eval("!1")).isZero();
		assertThat(eval("not 0")).isEqualTo(1);
		assertThat(eval("NOT true AND false")).isZero();
		assertThat(eval("!(2 > 1) || 3 > 2")).isEqualTo(1);
	}

	@Test
	void ifEvaluatesTheChosenBranch() {
		String text = "if(temp > 80 && pressure < 2, temp * 1.8 + 32, 0)";
		assertThat(eval(text, 100, 1)).isEqualTo(212);
		assertThat(eval(text, 100, 3)).isZero();
		assertThat(eval(text, 50, 1)).isZero();
	}

	@Test
	void channelsAreReferencedByBracketsQuotesBareNamesAndIds() {
		Formula formula = Formula.parse("[Furnace Temp] + \"Line1.Speed\" * #42 - speed_2 + [Furnace Temp]");
		assertThat(formula.channelReferences()).containsExactly(new ChannelRef.ByName("Furnace Temp"),
				new ChannelRef.ByName("Line1.Speed"), new ChannelRef.ById(42), new ChannelRef.ByName("speed_2"));
		assertThat(formula.evaluate(ChannelValues.of(10, 2, 3, 1))).isEqualTo(25);
		assertThat(formula.evaluate(ChannelValues.of(formula,
				Map.of(new ChannelRef.ById(42), 1.0, new ChannelRef.ByName("Furnace Temp"), 1.0,
						new ChannelRef.ByName("Line1.Speed"), 1.0, new ChannelRef.ByName("speed_2"), 1.0))))
			.isEqualTo(2);
	}

	@Test
	void everyFunctionComputesItsTextbookValue() {
		assertThat(eval("abs(-3.5)")).isEqualTo(3.5);
		assertThat(eval("min(4, 2, 3)")).isEqualTo(2);
		assertThat(eval("max(4, 2, 9, 3)")).isEqualTo(9);
		assertThat(eval("sqrt(16)")).isEqualTo(4);
		assertThat(eval("pow(2, 10)")).isEqualTo(1024);
		assertThat(eval("log(exp(2))")).isCloseTo(2, within(1e-12));
		assertThat(eval("log10(1000)")).isCloseTo(3, within(1e-12));
		assertThat(eval("exp(0)")).isEqualTo(1);
		assertThat(eval("round(2.5)")).isEqualTo(3);
		assertThat(eval("round(-2.5)")).isEqualTo(-3);
		assertThat(eval("round(3.14159, 2)")).isEqualTo(3.14);
		assertThat(eval("round(1234.5, -2)")).isEqualTo(1200);
		assertThat(eval("floor(-1.5)")).isEqualTo(-2);
		assertThat(eval("ceil(1.2)")).isEqualTo(2);
		assertThat(eval("ABS(-1)")).isEqualTo(1);
	}

	@Test
	void undefinedInputsAndInvalidArithmeticGiveNaN() {
		// A missing channel value must not look like a valid 0.
		assertThat(eval("x + 1", Double.NaN)).isNaN();
		assertThat(eval("x > 1", Double.NaN)).isNaN();
		assertThat(eval("x / 0", 1)).isNaN();
		assertThat(eval("x % 0", 5)).isNaN();
		assertThat(eval("sqrt(-1)")).isNaN();
		assertThat(eval("log(x)", 0)).isNaN();
		assertThat(eval("if(x, 1, 2)", Double.NaN)).isNaN();
	}

	@Test
	void logicFollowsThreeValuedRulesSoADecidedSideWins() {
		assertThat(eval("0 && x", Double.NaN)).isZero();
		assertThat(eval("x && 0", Double.NaN)).isZero();
		assertThat(eval("1 || x", Double.NaN)).isEqualTo(1);
		assertThat(eval("x || 1", Double.NaN)).isEqualTo(1);
		assertThat(eval("1 && x", Double.NaN)).isNaN();
		assertThat(eval("!x", Double.NaN)).isNaN();
		assertThat(FormulaEvaluator.isTrue(Double.NaN)).isFalse();
		assertThat(FormulaEvaluator.isTrue(2)).isTrue();
	}

	@Test
	void numbersAcceptDecimalsAndExponents() {
		assertThat(eval("1.5e3 + .5 + 2E-1")).isEqualTo(1500.7);
	}

	@Test
	void aStatelessFormulaHasNoStateAndOneSharedEvaluator() {
		Formula formula = Formula.parse("a * 2");
		assertThat(formula.isStateful()).isFalse();
		assertThat(formula.evaluator()).isSameAs(formula.evaluator());
		assertThat(formula.channelReferences()).isEqualTo(List.of(new ChannelRef.ByName("a")));
		assertThat(formula).isEqualTo(Formula.parse("a * 2")).hasToString("a * 2");
	}

}
