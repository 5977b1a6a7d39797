package io.parx.collector.modbus;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.parx.collector.support.DiscoveryApi;
import io.parx.collector.support.NotADeviceServer;
import io.parx.collector.support.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/collector/discovery/modbus/registers} against a j2mod slave of the
 * test's own (issue #20): every position decoded in every data type and byte order, the
 * range split into blocks with each block's exception or silence its own.
 */
class ModbusRegisterDiscoveryTests extends DiscoveryApi {

	/** 200 registers and 50 bits: addresses from 200 on answer exception 02. */
	private final TestModbusSlave slave = new TestModbusSlave(200, 50);

	@AfterEach
	void stop() {
		this.slave.close();
	}

	@Test
	void everyPositionIsDecodedInEveryTypeAndByteOrderSoTheKnownValueShowsItsSettings() throws Exception {
		// 12.5 as FLOAT32 0x41480000 with its registers swapped (CDAB), as many PLCs
		// store it
		this.slave.holding(10, new int[] { 0x0000, 0x4148 });
		// -123456 as INT32 0xFFFE1DC0, big-endian (ABCD)
		this.slave.holding(20, new int[] { 0xFFFE, 0x1DC0 });
		this.slave.holding(30, new int[] { 0xFFFE });
		this.slave.holding(40, new int[] { 0x4869 });

		HttpResponse<String> response = discover("modbus/registers",
				"{\"host\":\"127.0.0.1\",\"port\":" + this.slave.port()
						+ ",\"unitId\":1,\"registerType\":\"HOLDING_REGISTER\",\"address\":0,\"count\":50}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("blocks").size()).isEqualTo(1);
		JsonNode floatAt10 = register(result, 10);
		assertThat(floatAt10.path("reference").asString()).isEqualTo("400011");
		assertThat(floatAt10.path("values").path("FLOAT32").path("CDAB").asDouble()).isEqualTo(12.5);
		assertThat(floatAt10.path("values").path("FLOAT32").path("ABCD").asDouble()).isNotEqualTo(12.5);
		JsonNode intAt20 = register(result, 20);
		assertThat(intAt20.path("hex").asString()).isEqualTo("FFFE");
		assertThat(intAt20.path("values").path("INT32").path("ABCD").asLong()).isEqualTo(-123456);
		assertThat(intAt20.path("values").path("UINT32").path("ABCD").asLong()).isEqualTo(0xFFFE1DC0L);
		assertThat(intAt20.path("values").path("INT32").path("CDAB").asLong()).isNotEqualTo(-123456);
		JsonNode at30 = register(result, 30);
		assertThat(at30.path("word").asInt()).isEqualTo(0xFFFE);
		assertThat(at30.path("values").path("INT16").path("ABCD").asLong()).isEqualTo(-2);
		assertThat(at30.path("values").path("UINT16").path("ABCD").asLong()).isEqualTo(65534);
		// one register has two layouts: CDAB reads as ABCD
		assertThat(at30.path("values").path("INT16").has("CDAB")).isFalse();
		assertThat(at30.path("values").path("INT16").path("BADC").asLong()).isEqualTo((short) 0xFEFF);
		assertThat(register(result, 40).path("text").asString()).isEqualTo("Hi");
		// the last position holds no value longer than one register of the range
		JsonNode last = register(result, 49);
		assertThat(last.path("values").has("UINT16")).isTrue();
		assertThat(last.path("values").has("INT32")).isFalse();
		assertThat(register(result, 46).path("values").has("FLOAT64")).isTrue();
		assertThat(register(result, 47).path("values").has("FLOAT64")).isFalse();
	}

	@Test
	void anIllegalAddressIsReportedForItsBlockAndTheOtherBlocksAreStillRead() throws Exception {
		this.slave.holding(150, new int[] { 1234 });

		HttpResponse<String> response = discover("modbus/registers",
				"{\"host\":\"127.0.0.1\",\"port\":" + this.slave.port()
						+ ",\"registerType\":\"HOLDING_REGISTER\",\"address\":100,\"count\":250,"
						+ "\"maxRegistersPerRequest\":100}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json(response);
		// Modbus Application Protocol §7: 02 for addresses the device does not have
		assertThat(blocks(result)).containsExactly("100+100 -", "200+100 2", "300+50 2");
		assertThat(result.path("blocks").get(1).path("error").asString()).contains("illegal data address");
		assertThat(result.path("registers").size()).isEqualTo(100);
		assertThat(register(result, 150).path("values").path("UINT16").path("ABCD").asInt()).isEqualTo(1234);
		// a value would run into the block that was not read
		assertThat(register(result, 199).path("values").has("INT32")).isFalse();
	}

	@Test
	void aRangeRunningPastTheDevicesLastRegisterShowsTheRegistersItHas() throws Exception {
		// a device refuses a whole read that reaches past its map (exception 02); the
		// engineer asking for "20 from 190" of a 200-register device sees the ten it has
		this.slave.holding(199, new int[] { 4321 });

		HttpResponse<String> response = discover("modbus/registers", "{\"host\":\"127.0.0.1\",\"port\":"
				+ this.slave.port() + ",\"registerType\":\"HOLDING_REGISTER\",\"address\":190,\"count\":20}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(blocks(result)).containsExactly("190+10 -", "200+10 2");
		assertThat(result.path("registers").size()).isEqualTo(10);
		assertThat(register(result, 199).path("word").asInt()).isEqualTo(4321);
	}

	/** Each block as {@code address+count exceptionCode}, {@code -} for a block read. */
	private static List<String> blocks(JsonNode result) {
		List<String> blocks = new ArrayList<>();
		result.path("blocks")
			.forEach((block) -> blocks.add(block.path("address").asInt() + "+" + block.path("count").asInt() + " "
					+ (block.path("exceptionCode").isNull() ? "-" : block.path("exceptionCode").asInt())));
		return blocks;
	}

	@Test
	void coilsAreListedAsBits() throws Exception {
		this.slave.coil(3, true);

		HttpResponse<String> response = discover("modbus/registers", "{\"host\":\"127.0.0.1\",\"port\":"
				+ this.slave.port() + ",\"registerType\":\"COIL\",\"address\":0,\"count\":10}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode bits = json(response).path("bits");
		assertThat(bits.size()).isEqualTo(10);
		assertThat(bits.get(3).path("value").asBoolean()).isTrue();
		assertThat(bits.get(3).path("reference").asString()).isEqualTo("000004");
		assertThat(bits.get(2).path("value").asBoolean()).isFalse();
		assertThat(json(response).path("registers").isEmpty()).isTrue();
	}

	@Test
	void aSilentDeviceTimesOutPerBlockWithinTheRequest() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			long start = System.nanoTime();
			HttpResponse<String> response = discover("modbus/registers",
					"{\"host\":\"127.0.0.1\",\"port\":" + silent.port()
							+ ",\"registerType\":\"INPUT_REGISTER\",\"address\":0,\"count\":250,\"timeoutMs\":300}");
			long tookMs = (System.nanoTime() - start) / 1_000_000;

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode blocks = json(response).path("blocks");
			assertThat(blocks.size()).isEqualTo(2);
			blocks.forEach((block) -> assertThat(block.path("error").asString()).startsWith("no answer within"));
			assertThat(json(response).path("registers").isEmpty()).isTrue();
			// two blocks of 300 ms, not the 30 s limit
			assertThat(tookMs).isLessThan(10_000);
		}
	}

	@Test
	void aDeviceThatCannotBeConnectedToIsA502() throws Exception {
		HttpResponse<String> response = discover("modbus/registers", "{\"host\":\"127.0.0.1\",\"port\":"
				+ RedisServerProcess.freePort() + ",\"registerType\":\"HOLDING_REGISTER\",\"address\":0,\"count\":1}");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(json(response).path("type").asString()).isEqualTo("/problems/discovery-failed");
		assertThat(json(response).path("detail").asString()).contains("127.0.0.1");
	}

	@Test
	void rangesBeyondTheBoundsAreRefusedNamingTheField() throws Exception {
		assertThat(fields(discover("modbus/registers",
				"{\"host\":\"127.0.0.1\",\"registerType\":\"HOLDING_REGISTER\",\"address\":0,\"count\":2001}")))
			.containsExactly("count");
		assertThat(fields(discover("modbus/registers",
				"{\"host\":\"127.0.0.1\",\"registerType\":\"HOLDING_REGISTER\",\"address\":65535,\"count\":2}")))
			.containsExactly("count");
		assertThat(fields(discover("modbus/registers",
				"{\"host\":\"not a host!\",\"unitId\":1,\"registerType\":\"COIL\",\"address\":0,\"count\":1}")))
			.containsExactly("host");
		assertThat(fields(discover("modbus/registers",
				"{\"host\":\"127.0.0.1\",\"registerType\":\"HOLDING_REGISTER\",\"address\":0,\"count\":1,"
						+ "\"maxRegistersPerRequest\":126}")))
			.containsExactly("maxRegistersPerRequest");
		assertThat(fields(discover("modbus/registers", "{\"host\":\"127.0.0.1\",\"address\":0,\"count\":1}")))
			.containsExactly("registerType");
	}

	private static List<String> fields(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		json(response).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private static JsonNode register(JsonNode result, int address) {
		for (JsonNode register : result.path("registers")) {
			if (register.path("address").asInt() == address) {
				return register;
			}
		}
		throw new AssertionError("no register " + address + " in the answer");
	}

}
