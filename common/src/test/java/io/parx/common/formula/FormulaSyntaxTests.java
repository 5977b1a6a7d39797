package io.parx.common.formula;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FormulaSyntaxTests {

	private static FormulaSyntaxException error(String text) {
		return assertTimeoutPreemptively(Duration.ofSeconds(1), () -> org.assertj.core.api.Assertions
			.catchThrowableOfType(FormulaSyntaxException.class, () -> Formula.parse(text)));
	}

	private static void assertError(String text, int position, String messagePart) {
		FormulaSyntaxException error = error(text);
		assertThat(error).as(text).isNotNull();
		assertThat(error.position()).as(text).isEqualTo(position);
		assertThat(error.message()).as(text).contains(messagePart);
		assertThat(error.getMessage()).contains("at position " + position);
	}

	@Test
	void errorsNameTheOffendingPosition() {
		assertError("1 + * 2", 4, "unexpected '*'");
		assertError("(1 + 2", 6, "expected ')'");
		assertError("1 + 2)", 5, "unexpected ')'");
		assertError("", 0, "empty");
		assertError("a = 1", 2, "did you mean '=='");
		assertError("a & b", 2, "'&&'");
		assertError("[Temp", 0, "not closed");
		assertError("#", 0, "channel id");
		assertError("#0", 0, "positive");
		assertError("1 $ 2", 2, "unexpected character '$'");
		assertError("3x", 1, "after number");
		assertError("1e+", 1, "exponent");
		assertError("max(1, 2", 8, "',' or ')'");
		assertError("1 2", 2, "unexpected '2'");
		assertError("and 1", 0, "unexpected 'and'");
	}

	@Test
	void unknownFunctionsAndWrongArityAreSyntaxErrors() {
		assertError("1 + foo(2)", 4, "unknown function 'foo'");
		assertError("sqrt(1, 2)", 0, "sqrt() takes 1 argument, got 2");
		assertError("x + if(1, 2)", 4, "if() takes 3 arguments, got 2");
		assertError("min(1)", 0, "at least 2 arguments");
		assertError("round()", 0, "1 to 2 arguments");
		assertError("abs + 1", 0, "needs its arguments");
	}

	@Test
	void constantRoundingDigitsOutsideTheDocumentedRangeAreSyntaxErrors() {
		// FORMULAS.md allows -15..15; round(x, 99) used to be accepted and silently
		// clamped
		assertError("round(x, 99)", 9, "digits must be a whole number from -15 to 15");
		assertError("round(x, -16)", 9, "from -15 to 15");
		assertError("round(x, 1.5)", 9, "whole number");
		assertThat(Formula.parse("round(x, 15) + round(x, -15) + round(x, y)")).isNotNull();
	}

	@Test
	void timeSeriesWindowsMustBeConstantAndInRange() {
		assertError("avg(x, y)", 7, "constant number of seconds");
		assertError("avg(x, 0)", 7, "window");
		assertError("delay(x, -1)", 9, "window");
		assertError("avg(x, 1e9)", 7, "window");
		assertThat(Formula.parse("delay(x, 0)").isStateful()).isTrue();
	}

	@Test
	void javaLookingInputIsJustASyntaxError() {
		// Sandbox escapes of SpEL/OGNL-style evaluators: nothing here can reach a class.
		assertError("T(java.lang.Runtime).getRuntime().exec('id')", 0, "unknown function 'T'");
		assertError("java.lang.Runtime", 4, "unexpected character '.'");
		assertError("new java.io.File(\"/\")", 4, "unexpected 'java'");
		assertError("x.getClass()", 1, "unexpected character '.'");
		assertError("${7*7}", 0, "unexpected character '$'");
	}

}
