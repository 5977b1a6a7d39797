package io.parx.common.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ids a caller may choose (they end up in every log line of its request). */
class CorrelationIdTests {

	@Test
	void aPlainIdOfTheCallerIsKept() {
		assertThat(CorrelationId.acceptOrCreate("4bf92f3577b34da6a3ce929d0e0e4736"))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(CorrelationId.acceptOrCreate("lb-req:42.a_b")).isEqualTo("lb-req:42.a_b");
	}

	@Test
	void anIdThatCouldForgeOrFloodLogLinesIsReplacedByANewOne() {
		for (String hostile : new String[] { "a\nFAKE LINE", "x".repeat(65), "", "\"}", "a b" }) {
			assertThat(CorrelationId.acceptOrCreate(hostile)).as(hostile).matches("[0-9a-f-]{36}");
		}
		assertThat(CorrelationId.acceptOrCreate(null)).matches("[0-9a-f-]{36}");
	}

}
