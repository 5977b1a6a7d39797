package io.parx.admin.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel names made from what a server calls its nodes: whatever the server allows
 * becomes a name {@code ChannelDraft} accepts.
 */
class OpcUaSelectionTests {

	@Test
	void charactersAChannelNameMayNotHaveBecomeUnderscores() {
		assertThat(OpcUaSelection.validName("Pump#1 (running)")).isEqualTo("Pump_1 _running_");
		assertThat(OpcUaSelection.validName("Line1/Temperature")).isEqualTo("Line1/Temperature");
		assertThat(OpcUaSelection.validName("Temp\u00e9rature \u6e29\u5ea6"))
			.isEqualTo("Temp\u00e9rature \u6e29\u5ea6");
		assertThat(OpcUaSelection.validName("a\tb\u0000c")).isEqualTo("a_b_c");
	}

	@Test
	void blanksAreTrimmedAndRunsOfSpacesJoined() {
		assertThat(OpcUaSelection.validName("  Line   1  ")).isEqualTo("Line 1");
		assertThat(OpcUaSelection.validName("   ")).isEqualTo("node");
	}

	@Test
	void aLongNameIsCutLeavingRoomForTheUniquenessSuffix() {
		assertThat(OpcUaSelection.validName("x".repeat(5000))).hasSize(194);
	}

}
