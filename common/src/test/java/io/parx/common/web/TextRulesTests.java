package io.parx.common.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TextRulesTests {

	@Test
	void nulAndOtherControlCharactersAreRefusedButTabsAndLineBreaksAreText() {
		assertThat(TextRules.violation("a\u0000b")).isEqualTo("contains the control character U+0000 at position 1");
		assertThat(TextRules.violation("\u001b[31m")).contains("U+001B");
		assertThat(TextRules.violation("a\u007f")).contains("U+007F");
		assertThat(TextRules.violation("line 1\r\nline 2\tand a tab, Grüße, 温度")).isNull();
	}

	@Test
	void anErrorQuotesAShortPrintablePrefixOfTheInput() {
		// a 50 MB time zone was echoed twice in a 100 MB error body (issue #17)
		String echoed = TextRules.prefix("x".repeat(1_000_000));
		assertThat(echoed).hasSizeLessThan(80).endsWith("(1000000 characters)");
		assertThat(TextRules.prefix("a\u0000b")).isEqualTo("a\\u0000b");
	}

	@Test
	void theBodyCheckNamesTheJsonPathOfTheRefusedText() {
		record Widget(String kind, Map<String, Object> options) {
		}
		record Dashboard(String name, List<Widget> widgets) {
		}
		Dashboard dashboard = new Dashboard("Plant",
				List.of(new Widget("TEXT", Map.of("text", "ok")), new Widget("TEXT", Map.of("text", "a\u0000"))));
		InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
				() -> TextBodyAdvice.check(dashboard, "", 0));
		assertThat(error.getBody().getProperties()).containsKey("errors");
		assertThat(error.getBody().getDetail()).startsWith("widgets[1].options.text contains");
		InvalidInputException tree = catchThrowableOfType(InvalidInputException.class, () -> TextBodyAdvice
			.check(JsonMapper.builder().build().readTree("{\"tags\":[\"a\",\"b\\u0000\"]}"), "", 0));
		assertThat(tree.getBody().getDetail()).startsWith("tags[1] contains the control character U+0000");
		InvalidInputException csv = catchThrowableOfType(InvalidInputException.class,
				() -> TextBodyAdvice.check("name\nFurnace\u0000\n", "", 0));
		assertThat(csv.getBody().getDetail()).startsWith("body contains");
	}

}
