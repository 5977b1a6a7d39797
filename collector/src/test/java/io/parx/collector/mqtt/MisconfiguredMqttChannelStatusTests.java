package io.parx.collector.mqtt;

import io.parx.collector.support.ChannelStatusApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An MQTT channel saved with a topic filter the broker cannot take shows in the status
 * API as MISCONFIGURED with the reason, next to a good channel on the local Mosquitto
 * (issue #18).
 */
class MisconfiguredMqttChannelStatusTests extends ChannelStatusApi {

	@Test
	void aMisconfiguredMqttChannelShowsItsStateAndReasonInTheStatusApi() throws Exception {
		long good = save("mqtt-status-good", "FLOAT64", "MQTT", settings("parx-status/good"));
		long bad = save("mqtt-status-bad", "FLOAT64", "MQTT", settings("parx-status/#/bad"));

		JsonNode misconfigured = awaitState("MQTT", bad, "MISCONFIGURED");
		assertThat(misconfigured.path("qualityName").asString()).isEqualTo("Bad_ConfigurationError");
		assertThat(misconfigured.path("reason").asString()).contains("topic");
		// the good channel has no sample yet, but is not marked
		assertThat(channelStatus("MQTT", good)).map((channel) -> channel.path("state").asString())
			.isNotEqualTo(java.util.Optional.of("MISCONFIGURED"));
		delete(good);
		delete(bad);
	}

	private static String settings(String topic) {
		return "{\"brokerUrl\":\"tcp://127.0.0.1:1883\",\"topic\":\"" + topic + "\",\"qos\":1,"
				+ "\"payloadFormat\":\"NUMBER\"}";
	}

}
