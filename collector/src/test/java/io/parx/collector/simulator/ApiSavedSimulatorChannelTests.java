package io.parx.collector.simulator;

import org.junit.jupiter.api.Test;

import io.parx.collector.channels.ApiSavedConfigs;
import io.parx.common.config.channel.Protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A simulated channel saved through the admin-api with only a period is a sine of
 * amplitude 1 around 0, the contract's defaults.
 */
class ApiSavedSimulatorChannelTests {

	@Test
	void theStoredDocumentIsReadWithTheContractsDefaults() {
		SimulatedChannel channel = new SimulatedChannel(ApiSavedConfigs.stored(1, Protocol.SIMULATOR));
		// period 10 s: a quarter period is the crest, half a period the zero crossing
		assertThat(channel.valueAt(0).asDouble()).isCloseTo(0.0, within(1e-9));
		assertThat(channel.valueAt(2_500).asDouble()).isCloseTo(1.0, within(1e-9));
		assertThat(channel.valueAt(7_500).asDouble()).isCloseTo(-1.0, within(1e-9));
	}

}
