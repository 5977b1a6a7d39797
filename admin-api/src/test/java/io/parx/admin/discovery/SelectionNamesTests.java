package io.parx.admin.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel names made from what a server calls its nodes (or topics, metrics, registers):
 * whatever the server allows becomes a name {@code ChannelDraft} accepts.
 */
class SelectionNamesTests {

	@Test
	void charactersAChannelNameMayNotHaveBecomeUnderscores() {
		assertThat(SelectionItems.validName("Pump#1 (running)")).isEqualTo("Pump_1 _running_");
		assertThat(SelectionItems.validName("Line1/Temperature")).isEqualTo("Line1/Temperature");
		assertThat(SelectionItems.validName("Temp\u00e9rature \u6e29\u5ea6"))
			.isEqualTo("Temp\u00e9rature \u6e29\u5ea6");
		assertThat(SelectionItems.validName("a\tb\u0000c")).isEqualTo("a_b_c");
	}

	@Test
	void blanksAreTrimmedAndRunsOfSpacesJoined() {
		assertThat(SelectionItems.validName("  Line   1  ")).isEqualTo("Line 1");
		assertThat(SelectionItems.validName("   ")).isEqualTo("node");
	}

	@Test
	void aLongNameIsCutLeavingRoomForTheUniquenessSuffix() {
		assertThat(SelectionItems.validName("x".repeat(5000))).hasSize(194);
	}

}
