package io.parx.systemtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.parx.bench.demo.ModbusDevice;
import io.parx.bench.demo.PlantSimulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writing to a device end to end (issue #19): a request at the admin-api, checked there,
 * forwarded to the collector process, written by Modbus to the demo plant's PLC in this
 * JVM and read back; what the device then holds is read from the device itself, not from
 * any ParX answer. Refused writes must leave the device as it was, and every write sent
 * must be in the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DeviceWriteTests {

	private static final String ENGINEER = "write-engineer";

	private static final String OPERATOR = "write-operator";

	private static final String PASSWORD = "device-write-1";

	private ParxStack stack;

	private ModbusDevice plc;

	private String adminToken;

	private String engineerToken;

	private String operatorToken;

	private long setpoint;

	private long burner;

	private long readOnly;

	private LiveClient live;

	@BeforeAll
	void usersAndChannelsOfThePlantsWritablePoints(ParxStack stack) throws Exception {
		this.stack = stack;
		this.plc = stack.plant().modbus();
		this.adminToken = stack.login(ParxStack.ADMIN, ParxStack.ADMIN_PASSWORD);
		stack.createEngineerAndOperator(ENGINEER, OPERATOR, PASSWORD);
		this.engineerToken = stack.login(ENGINEER, PASSWORD);
		this.operatorToken = stack.login(OPERATOR, PASSWORD);
		this.setpoint = channel("Write.Furnace.Setpoint", "FLOAT32", "HOLDING_REGISTER", ModbusDevice.FURNACE_SETPOINT,
				Map.of("writable", true, "writeMin", 0, "writeMax", 1000));
		this.burner = channel("Write.Burner", "BOOL", "COIL", ModbusDevice.BURNER,
				Map.of("writable", true, "operatorWritable", true));
		this.readOnly = channel("Write.Furnace.Temperature", "FLOAT32", "HOLDING_REGISTER",
				ModbusDevice.FURNACE_TEMPERATURE, Map.of());
		// An OPERATOR writes only a channel the collector runs: wait until it reads them.
		this.live = new LiveClient(stack.service("data-router").url(), this.operatorToken);
		this.live.subscribe(List.of(this.setpoint, this.burner));
		await("the collector reads the writable channels").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(List.of(this.setpoint, this.burner))
				.allSatisfy((id) -> assertThat(this.live.updates(id)).as("updates of %d", id).isNotEmpty()));
	}

	@AfterAll
	void closeTheLiveClient() {
		if (this.live != null) {
			this.live.close();
		}
	}

	@Test
	@Order(1)
	void anEngineersWriteChangesTheRegisterAndTheValueReadBackIsTheOneWritten() {
		assertThat(this.plc.holdingFloat32(ModbusDevice.FURNACE_SETPOINT))
			.isEqualTo((float) PlantSimulation.FURNACE_SETPOINT);
		Api.Response written = write(this.setpoint, 72.5, this.engineerToken);
		assertThat(written.status()).as(written.toString()).isEqualTo(200);
		assertThat(written.json().path("written").asDouble()).isEqualTo(72.5);
		assertThat(written.json().path("readBack").asDouble()).isEqualTo(72.5);
		assertThat(written.json().path("previous").asDouble()).isEqualTo(PlantSimulation.FURNACE_SETPOINT);
		assertThat(written.json().path("qualityName").asString()).isEqualTo("Good");
		assertThat(this.plc.holdingFloat32(ModbusDevice.FURNACE_SETPOINT)).isEqualTo(72.5f);
		// and the channel's next readings carry it to the live clients
		await("the written value live").atMost(Duration.ofSeconds(30))
			.until(() -> this.live.updates(this.setpoint).getLast().value().asDouble() == 72.5);
	}

	@Test
	@Order(2)
	void aWriteBeyondWriteMaxIsRefusedNamingTheValueAndLeavesTheDeviceAsItWas() {
		// The limit is the channel's, in engineering units: 1000.5 is a fine FLOAT32, but
		// not a furnace setpoint this plant allows.
		Api.Response refused = write(this.setpoint, 1000.5, this.engineerToken);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.json().path("type").asString()).isEqualTo("/problems/validation");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("value");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("writeMax");
		Api.Response wrongType = write(this.setpoint, "hot", this.engineerToken);
		assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
		assertThat(wrongType.json().path("errors").get(0).path("field").asString()).isEqualTo("value");
		assertThat(this.plc.holdingFloat32(ModbusDevice.FURNACE_SETPOINT)).isEqualTo(72.5f);
	}

	@Test
	@Order(3)
	void anOperatorWritesOnlyWhatTheChannelAllowsOperatorsAndAReadOnlyChannelIsRefusedToAll() {
		Api.Response forbidden = write(this.setpoint, 90, this.operatorToken);
		assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
		assertThat(this.plc.holdingFloat32(ModbusDevice.FURNACE_SETPOINT)).isEqualTo(72.5f);

		assertThat(this.plc.coil(ModbusDevice.BURNER)).isTrue();
		Api.Response off = write(this.burner, false, this.operatorToken);
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertThat(off.json().path("readBack").asBoolean(true)).isFalse();
		assertThat(this.plc.coil(ModbusDevice.BURNER)).isFalse();

		Api.Response notWritable = write(this.readOnly, 500, this.engineerToken);
		assertThat(notWritable.status()).as(notWritable.toString()).isEqualTo(409);
		assertThat(notWritable.json().path("type").asString()).isEqualTo("/problems/not-writable");
	}

	@Test
	@Order(4)
	void everyWriteSentIsInTheAuditLogWithUserValuesAndOutcomeAndNoRefusedOne() {
		JsonNode setpointWrites = audit(this.setpoint);
		// the refused writes (limit, type, role) were never sent: one entry only
		assertThat(setpointWrites).hasSize(1);
		JsonNode entry = setpointWrites.get(0);
		assertThat(entry.path("username").asString()).isEqualTo(ENGINEER);
		assertThat(entry.path("entityType").asString()).isEqualTo("channel");
		assertThat(entry.path("before").path("value").asDouble()).isEqualTo(PlantSimulation.FURNACE_SETPOINT);
		assertThat(entry.path("after").path("value").asDouble()).isEqualTo(72.5);
		assertThat(entry.path("detail").asString()).isEqualTo("Good, read back 72.5");

		JsonNode burnerWrites = audit(this.burner);
		assertThat(burnerWrites).hasSize(1);
		assertThat(burnerWrites.get(0).path("username").asString()).isEqualTo(OPERATOR);
		assertThat(burnerWrites.get(0).path("before").path("value").asBoolean(false)).isTrue();
		assertThat(burnerWrites.get(0).path("after").path("value").asBoolean(true)).isFalse();
		assertThat(audit(this.readOnly)).isEmpty();
	}

	private Api.Response write(long channel, Object value, String token) {
		return Api.post(this.stack.url("admin-api", "/api/v1/io/channels/" + channel + "/write"), token,
				Map.of("value", value));
	}

	private JsonNode audit(long channel) {
		Api.Response response = Api.get(
				this.stack.url("admin-api", "/api/v1/audit?action=WRITE&entityType=channel&entityId=" + channel),
				this.adminToken);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("content");
	}

	private long channel(String name, String dataType, String registerType, int address, Map<String, Object> write) {
		Map<String, Object> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", this.plc.port(), "unitId", 1,
				"registerType", registerType, "address", address, "timeoutMs", 1000));
		settings.putAll(write);
		Api.Response created = Api.post(this.stack.url("admin-api", "/api/v1/io/channels"), this.engineerToken,
				Map.of("name", name, "dataType", dataType, "unit", dataType.equals("BOOL") ? "" : "°C", "protocol",
						"MODBUS_TCP", "pollIntervalMs", 200, "tags", List.of("device-write"), "settings", settings));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

}
