package io.parx.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.parx.bench.demo.ModbusDevice;
import io.parx.db.test.TestServices;
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
 * MQTT, Sparkplug B and Modbus discovery end to end (issue #20): the engineer asks the
 * admin-api, which forwards to the collector process, which listens on the real Mosquitto
 * (the demo plant's JSON and plain topics; an edge node made of Eclipse Tahu's payload
 * builder that is born when asked) or reads the demo plant's j2mod slave; what was listed
 * becomes channels in one selection each, and the collector reads them Good.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SurveyDiscoveryTests {

	private static final String ENGINEER = "survey-engineer";

	private static final String OPERATOR = "survey-operator";

	private static final String PASSWORD = "survey-1";

	private ParxStack stack;

	private String engineerToken;

	private LiveClient live;

	private SparkplugEdgeNode edgeNode;

	@BeforeAll
	void usersOfTheirOwn(ParxStack stack) throws Exception {
		this.stack = stack;
		stack.createEngineerAndOperator(ENGINEER, OPERATOR, PASSWORD);
		this.engineerToken = stack.login(ENGINEER, PASSWORD);
		this.live = new LiveClient(stack.service("data-router").url(), stack.login(OPERATOR, PASSWORD));
	}

	@AfterAll
	void close() {
		if (this.live != null) {
			this.live.close();
		}
		if (this.edgeNode != null) {
			this.edgeNode.close();
		}
	}

	@Test
	@Order(1)
	void theDemoPlantsTopicsAreListedWithTheirFormatsAndBecomeChannelsTheCollectorReads() {
		String prefix = this.stack.mqttPrefix();
		Api.Response survey = discover("mqtt/topics",
				Map.of("brokerUrl", broker(), "topicFilter", prefix + "#", "listenSeconds", 2));
		assertThat(survey.status()).as(survey.toString()).isEqualTo(200);
		JsonNode topics = survey.json().path("topics");
		JsonNode temperature = byField(topics, "topic", prefix + "furnace/temperature");
		assertThat(temperature.path("payloadFormat").asString()).isEqualTo("NUMBER");
		assertThat(temperature.path("messages").asLong()).isPositive();
		JsonNode coil = byField(topics, "topic", prefix + "coil/id");
		assertThat(coil.path("payloadFormat").asString()).isEqualTo("STRING");
		JsonNode state = byField(topics, "topic", prefix + "line/state");
		assertThat(state.path("payloadFormat").asString()).isEqualTo("JSON");
		JsonNode speedLeaf = byField(state.path("leaves"), "pointer", "/speed");
		assertThat(speedLeaf.path("type").asString()).isEqualTo("NUMBER");

		// the listing's entries as the picker sends them: the topic as listed, a JSON
		// leaf's pointer
		Map<String, Object> json = listed(state);
		json.put("valuePointer", speedLeaf.path("pointer").asString());
		json.put("channelDataType", "FLOAT64");
		Map<String, Object> number = listed(temperature);
		number.put("channelDataType", "FLOAT64");
		List<Long> ids = select(
				Map.of("protocol", "MQTT", "settings", Map.of("brokerUrl", broker(), "qos", 0), "channel",
						Map.of("tags", List.of("surveyed")), "items", List.of(json, number, listed(coil))),
				List.of(prefix + "line/state/speed", prefix + "furnace/temperature", prefix + "coil/id"));
		awaitGood(ids);
	}

	@Test
	@Order(2)
	void anEdgeNodeAskedForItsBirthsIsListedWithItsMetricsWhichBecomeChannelsTheCollectorReads() {
		this.edgeNode = new SparkplugEdgeNode("SysTest" + TestServices.RUN_ID);
		this.edgeNode.start();
		Api.Response survey = discover("sparkplug", Map.of("brokerUrl", broker(), "groupId", this.edgeNode.group,
				"listenSeconds", 3, "requestRebirth", true));
		assertThat(survey.status()).as(survey.toString()).isEqualTo(200);
		assertThat(survey.json().path("rebirthRequests").asInt()).isPositive();
		JsonNode group = byField(survey.json().path("groups"), "groupId", this.edgeNode.group);
		JsonNode node = byField(group.path("edgeNodes"), "edgeNodeId", SparkplugEdgeNode.ID);
		assertThat(node.path("state").asString()).isEqualTo("ONLINE");
		JsonNode speed = byField(node.path("metrics"), "name", "Line1/Speed");
		assertThat(speed.path("sparkplugType").asString()).isEqualTo("Float");
		assertThat(speed.path("dataType").asString()).isEqualTo("FLOAT32");
		JsonNode press = byField(node.path("devices"), "deviceId", "Press");
		JsonNode pressure = byField(press.path("metrics"), "name", "Pressure");
		assertThat(pressure.path("dataType").asString()).isEqualTo("FLOAT64");

		// the metrics as listed, their listed dataType the channel's
		List<Object> items = new ArrayList<>();
		for (JsonNode metric : List.of(speed, pressure)) {
			Map<String, Object> item = listed(metric);
			item.put("metricName", item.remove("name"));
			item.put("payloadFormat", "SPARKPLUG_B");
			item.put("groupId", this.edgeNode.group);
			item.put("edgeNodeId", SparkplugEdgeNode.ID);
			if (metric == pressure) {
				item.put("deviceId", "Press");
			}
			items.add(item);
		}
		List<Long> ids = select(Map.of("protocol", "MQTT", "settings", Map.of("brokerUrl", broker()), "items", items),
				List.of(SparkplugEdgeNode.ID + "/Line1/Speed", SparkplugEdgeNode.ID + "/Press/Pressure"));
		awaitGood(ids);
	}

	@Test
	@Order(3)
	void theDemoPlantsRegistersAreShownInEveryReadingAndBecomeChannelsTheCollectorReads() {
		int port = this.stack.plant().modbus().port();
		Api.Response registers = discover("modbus/registers", Map.of("host", "127.0.0.1", "port", port, "registerType",
				"HOLDING_REGISTER", "address", 0, "count", 8));
		assertThat(registers.status()).as(registers.toString()).isEqualTo(200);
		JsonNode block = registers.json().path("blocks").get(0);
		assertThat(block.path("error").isNull()).as(block.toString()).isTrue();
		JsonNode furnace = registers.json().path("registers").get(ModbusDevice.FURNACE_TEMPERATURE);
		assertThat(furnace.path("reference").asString()).isEqualTo("400001");
		double asFloat = furnace.path("values").path("FLOAT32").path("ABCD").asDouble();
		double tenths = registers.json()
			.path("registers")
			.get(ModbusDevice.FURNACE_TENTHS)
			.path("values")
			.path("INT16")
			.path("ABCD")
			.asDouble();
		// the same furnace in two registers: the FLOAT32 reading is the one the engineer
		// recognises
		assertThat(asFloat).isCloseTo(tenths / 10, org.assertj.core.data.Offset.offset(50.0));
		Api.Response coils = discover("modbus/registers",
				Map.of("host", "127.0.0.1", "port", port, "registerType", "COIL", "address", 0, "count", 2));
		assertThat(coils.status()).as(coils.toString()).isEqualTo(200);
		JsonNode alarm = coils.json().path("bits").get(ModbusDevice.ALARM);
		assertThat(alarm.path("reference").asString()).isEqualTo("000001");

		Map<String, Object> register = listed(furnace);
		register.put("registerType", "HOLDING_REGISTER");
		register.put("channelDataType", "FLOAT32");
		register.put("byteOrder", "ABCD");
		register.put("name", "survey furnace");
		Map<String, Object> bit = listed(alarm);
		bit.put("registerType", "COIL");
		List<Long> ids = select(
				Map.of("protocol", "MODBUS_TCP", "settings", Map.of("host", "127.0.0.1", "port", port), "channel",
						Map.of("pollIntervalMs", 500), "items", List.of(register, bit)),
				List.of("survey furnace", "127.0.0.1 000001"));
		awaitGood(ids);
	}

	private Api.Response discover(String kind, Map<String, Object> body) {
		return Api.post(this.stack.url("admin-api", "/api/v1/io/discovery/" + kind), this.engineerToken, body);
	}

	/**
	 * Creates the channels of a selection and answers their ids, checking their names.
	 */
	private List<Long> select(Map<String, Object> selection, List<String> names) {
		Api.Response created = Api.post(this.stack.url("admin-api", "/api/v1/io/discovery/channels"),
				this.engineerToken, selection);
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.json().path("failed").asInt()).as(created.toString()).isZero();
		List<Long> ids = new ArrayList<>();
		List<String> createdNames = new ArrayList<>();
		created.json().path("channels").forEach((channel) -> {
			ids.add(channel.path("id").asLong());
			createdNames.add(channel.path("name").asString());
		});
		assertThat(createdNames).containsExactlyElementsOf(names);
		return ids;
	}

	/** Every channel gets a value of quality Good (StatusCode 0) live. */
	private void awaitGood(List<Long> ids) {
		this.live.subscribe(ids);
		await("Good values of " + ids).atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(ids).allSatisfy(
							(id) -> assertThat(this.live.messages.stream()
								.filter((message) -> "update".equals(message.path("type").asString()))
								.flatMap((message) -> message.path("samples").valueStream())
								.anyMatch((sample) -> sample.path("channelId").asLong() == id && sample.has("quality")
										&& sample.path("quality").asLong() == 0))
								.as("a Good value of %d", id)
								.isTrue()));
	}

	private static String broker() {
		return TestServices.mosquitto().serverUri();
	}

	/** An entry of a listing as the browser would pass it on, every field included. */
	private static Map<String, Object> listed(JsonNode entry) {
		Map<String, Object> item = new LinkedHashMap<>();
		entry.properties()
			.forEach((field) -> item.put(field.getKey(), Api.JSON.treeToValue(field.getValue(), Object.class)));
		return item;
	}

	private static JsonNode byField(JsonNode entries, String field, String value) {
		for (JsonNode entry : entries) {
			if (entry.path(field).asString().equals(value)) {
				return entry;
			}
		}
		throw new AssertionError("no " + field + " " + value + " in " + entries);
	}

}
