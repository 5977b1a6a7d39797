package io.parx.collector.opcua;

import io.parx.collector.support.ChannelStatusApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An OPC UA channel saved with a node id the collector cannot read shows in the status
 * API as MISCONFIGURED with the reason, next to a good channel of the same server that
 * keeps its subscription (issue #18).
 */
class MisconfiguredOpcUaChannelStatusTests extends ChannelStatusApi {

	@Test
	void aMisconfiguredOpcUaChannelShowsItsStateAndReasonInTheStatusApi() throws Exception {
		try (TestOpcUaServer server = TestOpcUaServer.start()) {
			long good = save("ua-status-good", "FLOAT64", "OPCUA",
					settings(server.url(), server.nodeId("Temperature")));
			long bad = save("ua-status-bad", "FLOAT64", "OPCUA", settings(server.url(), "not a node id"));

			JsonNode misconfigured = awaitState("OPCUA", bad, "MISCONFIGURED");
			assertThat(misconfigured.path("qualityName").asString()).isEqualTo("Bad_ConfigurationError");
			assertThat(misconfigured.path("reason").asString()).contains("nodeId");
			await().until(
					() -> channelStatus("OPCUA", good).map((c) -> c.path("lastValue").asDouble()).orElse(0.0) == 20.0);
			assertThat(channelStatus("OPCUA", good).orElseThrow().path("state").asString()).isEqualTo("RUNNING");
			delete(good);
			delete(bad);
		}
	}

	private static String settings(String url, String nodeId) {
		return "{\"endpointUrl\":\"" + url + "\",\"nodeId\":\"" + nodeId + "\"}";
	}

}
