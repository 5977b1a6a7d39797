package io.parx.collector.modbus;

import java.net.http.HttpResponse;
import java.util.List;

import io.parx.collector.support.ChannelWriteApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through {@code POST /api/v1/collector/write} to a real j2mod slave: the
 * registers the slave holds afterwards are checked word by word against the layout the
 * Modbus specification and the channel's byte and word order give, not against the
 * collector's own decoder.
 */
class ModbusWriteApiTests extends ChannelWriteApi {

	private final TestModbusSlave slave = new TestModbusSlave(40, 8);

	@AfterEach
	void stopSlave() {
		this.slave.close();
	}

	@Test
	void everyNumericTypeIsWrittenInItsByteAndWordOrderAndReadBackEqual() throws Exception {
		record Case(String dataType, String byteOrder, String value, int[] words) {
		}
		List<Case> cases = List.of(new Case("INT16", "ABCD", "-1234", new int[] { 0xFB2E }),
				new Case("INT16", "BADC", "-1234", new int[] { 0x2EFB }),
				new Case("UINT16", "ABCD", "60000", new int[] { 0xEA60 }),
				new Case("UINT16", "BADC", "60000", new int[] { 0x60EA }),
				new Case("INT32", "ABCD", "123456", new int[] { 0x0001, 0xE240 }),
				new Case("INT32", "CDAB", "123456", new int[] { 0xE240, 0x0001 }),
				new Case("FLOAT32", "ABCD", "12.5", new int[] { 0x4148, 0x0000 }),
				new Case("FLOAT32", "CDAB", "12.5", new int[] { 0x0000, 0x4148 }),
				new Case("FLOAT32", "DCBA", "12.5", new int[] { 0x0000, 0x4841 }),
				new Case("FLOAT64", "ABCD", "-2.75", new int[] { 0xC006, 0, 0, 0 }),
				new Case("FLOAT64", "CDAB", "-2.75", new int[] { 0, 0, 0, 0xC006 }));
		int address = 0;
		for (Case c : cases) {
			String channel = channel(address + 1, c.dataType(), 1, 0, "MODBUS_TCP", holding(address, c.byteOrder()));
			HttpResponse<String> response = write("ENGINEER", channel, c.value());
			String what = c.dataType() + " " + c.byteOrder();
			assertThat(response.statusCode()).as(what).isEqualTo(200);
			JsonNode result = json(response);
			assertThat(result.path("qualityName").asString()).as(what).isEqualTo("Good");
			assertThat(result.path("written").asDouble()).as(what).isEqualTo(Double.parseDouble(c.value()));
			assertThat(result.path("readBack").asDouble()).as(what).isEqualTo(Double.parseDouble(c.value()));
			assertThat(result.path("previous").asDouble()).as(what).isZero();
			assertThat(this.slave.holding(address, c.words().length)).as(what).containsExactly(c.words());
			address += c.words().length;
		}
	}

	@Test
	void scaleAndOffsetAreUndoneBeforeTheRegisterIsWritten() throws Exception {
		// a tenth of a degree per count, 20 degrees at zero: 23.4 is (23.4 - 20) / 0.1 =
		// 34
		String channel = channel(1, "INT16", 0.1, 20, "MODBUS_TCP", holding(5, "ABCD"));
		JsonNode result = json(write("ADMIN", channel, "23.4"));
		assertThat(this.slave.holding(5, 1)).containsExactly(34);
		assertThat(result.path("readBack").asDouble()).isCloseTo(23.4, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void aBoolCoilIsSwitchedOnAndOffWithFunctionCode5() throws Exception {
		String coil = channel(1, "BOOL", 1, 0, "MODBUS_TCP", "{\"host\":\"127.0.0.1\",\"port\":" + this.slave.port()
				+ ",\"registerType\":\"COIL\",\"address\":3," + "\"writable\":true}");
		JsonNode on = json(write("ENGINEER", coil, "true"));
		assertThat(this.slave.coil(3)).isTrue();
		assertThat(on.path("previous").asBoolean()).isFalse();
		assertThat(on.path("readBack").asBoolean()).isTrue();
		json(write("ENGINEER", coil, "false"));
		assertThat(this.slave.coil(3)).isFalse();
	}

	@Test
	void aValueBeyondTheLimitsOrOfTheWrongTypeIsRefusedAndTheDeviceKeepsItsValue() throws Exception {
		this.slave.holding(0, new int[] { 7 });
		String limited = channel(1, "INT16", 1, 0, "MODBUS_TCP",
				holding(0, "ABCD").replace("}", ",\"writeMin\":0,\"writeMax\":100}"));
		HttpResponse<String> high = write("ENGINEER", limited, "101");
		assertThat(high.statusCode()).isEqualTo(400);
		assertThat(json(high).path("errors").toString()).contains("\"field\":\"value\"").contains("writeMax");
		HttpResponse<String> text = write("ENGINEER", limited, "\"50\"");
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(json(text).path("errors").toString()).contains("\"field\":\"value\"");
		// inside the limits but beyond what an INT16 holds after scale is undone
		String scaled = channel(1, "INT16", 0.001, 0, "MODBUS_TCP", holding(0, "ABCD"));
		HttpResponse<String> overflow = write("ENGINEER", scaled, "40");
		assertThat(overflow.statusCode()).isEqualTo(400);
		assertThat(json(overflow).path("errors").toString()).contains("INT16");
		assertThat(this.slave.holding(0, 1)).containsExactly(7);
	}

	@Test
	void aChannelThatIsNotWritableIsA409AndNothingIsSent() throws Exception {
		this.slave.holding(0, new int[] { 7 });
		String readOnly = channel(1, "INT16", 1, 0, "MODBUS_TCP", "{\"host\":\"127.0.0.1\",\"port\":"
				+ this.slave.port() + ",\"registerType\":\"HOLDING_REGISTER\"," + "\"address\":0}");
		HttpResponse<String> response = write("ADMIN", readOnly, "8");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(json(response).path("type").asString()).isEqualTo("/problems/not-writable");
		assertThat(this.slave.holding(0, 1)).containsExactly(7);
	}

	@Test
	void anOperatorWritesOnlyAnOperatorWritableChannelThisCollectorRuns() throws Exception {
		this.slave.holding(0, new int[] { 7 });
		this.slave.holding(1, new int[] { 9 });
		String settings = holding(0, "ABCD");
		// the form says operatorWritable, but the collector does not run it: refused
		HttpResponse<String> forged = write("OPERATOR",
				channel(999_999, "INT16", 1, 0, "MODBUS_TCP", settings.replace("}", ",\"operatorWritable\":true}")),
				"8");
		assertThat(forged.statusCode()).isEqualTo(403);

		long engineersOnly = save("write-engineers-only", "INT16", "MODBUS_TCP", settings);
		long operators = save("write-operators", "INT16", "MODBUS_TCP",
				holding(1, "ABCD").replace("}", ",\"operatorWritable\":true}"));
		awaitRunning(engineersOnly);
		awaitRunning(operators);
		// the form's settings are ignored for an operator: the running channel decides
		HttpResponse<String> refused = write("OPERATOR", channel(engineersOnly, "INT16", 1, 0, "MODBUS_TCP",
				settings.replace("}", ",\"operatorWritable\":true}")), "8");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused).path("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(this.slave.holding(0, 1)).containsExactly(7);

		HttpResponse<String> allowed = write("OPERATOR",
				channel(operators, "INT16", 1, 0, "MODBUS_TCP", holding(1, "ABCD")), "10");
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(this.slave.holding(1, 1)).containsExactly(10);
		assertThat(write("ENGINEER", channel(engineersOnly, "INT16", 1, 0, "MODBUS_TCP", settings), "8").statusCode())
			.isEqualTo(200);
		assertThat(this.slave.holding(0, 1)).containsExactly(8);
		delete(engineersOnly);
		delete(operators);
	}

	@Test
	void aDeviceThatIsDownIsABadQualityWithTheReasonNotAnHttpError() throws Exception {
		String channel = channel(1, "INT16", 1, 0, "MODBUS_TCP", holding(0, "ABCD"));
		this.slave.stop();
		HttpResponse<String> response = write("ENGINEER", channel, "1");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("qualityName").asString()).isEqualTo("Bad_NotConnected");
		assertThat(result.path("written").isNull()).isTrue();
		assertThat(result.path("error").asString()).isNotBlank();
	}

	private String holding(int address, String byteOrder) {
		return "{\"host\":\"127.0.0.1\",\"port\":" + this.slave.port() + ",\"registerType\":\"HOLDING_REGISTER\","
				+ "\"address\":" + address + ",\"byteOrder\":\"" + byteOrder + "\",\"writable\":true}";
	}

}
