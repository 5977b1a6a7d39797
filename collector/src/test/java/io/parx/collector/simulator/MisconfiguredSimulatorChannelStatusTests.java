package io.parx.collector.simulator;

import io.parx.collector.support.ChannelStatusApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulator channel with an impossible signal shows in the status API as MISCONFIGURED
 * with the reason (it used to be only logged, issue #18).
 */
class MisconfiguredSimulatorChannelStatusTests extends ChannelStatusApi {

	@Test
	void aMisconfiguredSimulatorChannelShowsItsStateAndReasonInTheStatusApi() {
		long bad = save("sim-status-bad", "FLOAT64", "SIMULATOR",
				"{\"waveform\":\"SINE\",\"amplitude\":1,\"periodMs\":-10}");
		JsonNode misconfigured = awaitState("SIMULATOR", bad, "MISCONFIGURED");
		assertThat(misconfigured.path("qualityName").asString()).isEqualTo("Bad_ConfigurationError");
		assertThat(misconfigured.path("reason").asString()).contains("period");
		delete(bad);
	}

}
