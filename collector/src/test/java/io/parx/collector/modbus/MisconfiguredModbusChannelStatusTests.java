package io.parx.collector.modbus;

import io.parx.collector.support.ChannelStatusApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Modbus channel saved with settings the collector cannot read shows in the status API
 * as MISCONFIGURED with the reason, next to a good channel of the same device that keeps
 * reading (issue #18).
 */
class MisconfiguredModbusChannelStatusTests extends ChannelStatusApi {

	@Test
	void aMisconfiguredModbusChannelShowsItsStateAndReasonInTheStatusApi() throws Exception {
		try (TestModbusSlave slave = new TestModbusSlave(10, 8)) {
			slave.holding(1, new int[] { 77 });
			long good = save("mb-status-good", "UINT16", "MODBUS_TCP", settings(slave.port(), "1"));
			long bad = save("mb-status-bad", "UINT16", "MODBUS_TCP", settings(slave.port(), "-5"));

			JsonNode misconfigured = awaitState("MODBUS_TCP", bad, "MISCONFIGURED");
			assertThat(misconfigured.path("qualityName").asString()).isEqualTo("Bad_ConfigurationError");
			assertThat(misconfigured.path("reason").asString()).contains("address");
			await().until(() -> channelStatus("MODBUS_TCP", good).map((c) -> c.path("lastValue").asDouble())
				.orElse(0.0) == 77);
			JsonNode running = channelStatus("MODBUS_TCP", good).orElseThrow();
			assertThat(running.path("state").asString()).isEqualTo("RUNNING");
			assertThat(running.path("reason").isNull()).isTrue();

			// fixed: it runs and its reason is gone
			resave(bad, settings(slave.port(), "2"));
			JsonNode fixed = awaitState("MODBUS_TCP", bad, "RUNNING");
			assertThat(fixed.path("reason").isNull()).isTrue();
			delete(good);
			delete(bad);
		}
	}

	private static String settings(int port, String address) {
		return "{\"host\":\"127.0.0.1\",\"port\":" + port
				+ ",\"unitId\":1,\"registerType\":\"HOLDING_REGISTER\",\"address\":" + address + "}";
	}

}
