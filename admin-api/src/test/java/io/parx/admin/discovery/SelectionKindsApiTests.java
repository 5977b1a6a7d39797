package io.parx.admin.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/io/discovery/channels} for MQTT topics, Sparkplug B metrics and
 * Modbus registers (issue #20): items as the discoveries list them become channels named,
 * typed and configured as the web console's picker sends them, and a selection that is
 * not well formed is refused naming the field before anything is created.
 */
class SelectionKindsApiTests extends AbstractIntegrationTest {

	@Autowired
	JsonMapper json;

	@Test
	void mqttTopicsAndSparkplugMetricsOfOneBrokerBecomeChannelsInOneSelection() throws Exception {
		Map<String, Object> selection = Map.of("protocol", "MQTT", "settings",
				Map.of("brokerUrl", "tcp://broker-msel:1883", "qos", 0, "clientId", "parx-msel"), "channel",
				Map.of("tags", List.of("msel"), "unit", "degC"), "items", List.of(
						// a JSON leaf as the topic listing gave it, with its pointer
						Map.of("topic", "msel/l1/json", "payloadFormat", "JSON", "valuePointer", "/temp",
								"channelDataType", "FLOAT64", "messages", 3, "payload", "{\"temp\":21.5}"),
						Map.of("topic", "msel/l1/count", "payloadFormat", "NUMBER", "channelDataType", "INT32"),
						// a boolean payload can only be a BOOL channel
						Map.of("topic", "msel/l1/run", "payloadFormat", "BOOLEAN"),
						// a metric as the Sparkplug B listing gave it: its dataType is
						// the channel's
						Map.of("payloadFormat", "SPARKPLUG_B", "groupId", "Plant", "edgeNodeId", "msel-node",
								"metricName", "Line1/Speed", "dataType", "FLOAT32", "sparkplugType", "Float", "alias",
								7, "value", 1.5),
						Map.of("payloadFormat", "SPARKPLUG_B", "groupId", "Plant", "edgeNodeId", "msel-node",
								"deviceId", "Press", "metricName", "Pressure", "channelDataType", "FLOAT64", "name",
								"msel.press")));
		MvcResult result = select(selection).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(5))
			.andExpect(jsonPath("$.failed").value(0))
			.andReturn();
		assertThat(names(result)).containsExactly("msel/l1/json/temp", "msel/l1/count", "msel/l1/run",
				"msel-node/Line1/Speed", "msel.press");
		JsonNode created = this.json.readTree(result.getResponse().getContentAsString()).get("channels");

		this.mvc.perform(get("/api/v1/io/channels/" + created.get(0).get("id").asLong()).with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.protocol").value("MQTT"))
			.andExpect(jsonPath("$.dataType").value("FLOAT64"))
			.andExpect(jsonPath("$.unit").value("degC"))
			.andExpect(jsonPath("$.tags[0]").value("msel"))
			.andExpect(jsonPath("$.settings.brokerUrl").value("tcp://broker-msel:1883"))
			.andExpect(jsonPath("$.settings.clientId").value("parx-msel"))
			.andExpect(jsonPath("$.settings.qos").value(0))
			.andExpect(jsonPath("$.settings.topic").value("msel/l1/json"))
			.andExpect(jsonPath("$.settings.payloadFormat").value("JSON"))
			.andExpect(jsonPath("$.settings.valuePointer").value("/temp"));
		this.mvc.perform(get("/api/v1/io/channels/" + created.get(2).get("id").asLong()).with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.dataType").value("BOOL"))
			.andExpect(jsonPath("$.settings.payloadFormat").value("BOOLEAN"));
		this.mvc.perform(get("/api/v1/io/channels/" + created.get(3).get("id").asLong()).with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.dataType").value("FLOAT32"))
			.andExpect(jsonPath("$.settings.payloadFormat").value("SPARKPLUG_B"))
			.andExpect(jsonPath("$.settings.groupId").value("Plant"))
			.andExpect(jsonPath("$.settings.edgeNodeId").value("msel-node"))
			.andExpect(jsonPath("$.settings.metricName").value("Line1/Speed"))
			.andExpect(jsonPath("$.settings.topic").doesNotExist());
		this.mvc.perform(get("/api/v1/io/channels/" + created.get(4).get("id").asLong()).with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.settings.deviceId").value("Press"));
		this.mvc
			.perform(get("/api/v1/audit?action=CREATE&entityType=channel&entityId=" + created.get(4).get("id").asLong())
				.with(as(Role.ADMIN)))
			.andExpect(jsonPath("$.content[0].after.name").value("msel.press"));
	}

	@Test
	void modbusRegistersBecomeChannelsNamedByHostAndModiconReference() throws Exception {
		Map<String, Object> selection = Map.of("protocol", "MODBUS_TCP", "settings",
				Map.of("host", "mbsel-plc", "port", 5020, "unitId", 3, "timeoutMs", 800), "channel",
				Map.of("pollIntervalMs", 500), "items", List.of(
						// a register as the listing gave it, with the reading the
						// engineer recognised
						Map.of("registerType", "HOLDING_REGISTER", "address", 0, "channelDataType", "FLOAT32",
								"byteOrder", "CDAB", "reference", "400001", "word", 16840, "hex", "41C8", "text", "A.",
								"values", Map.of("FLOAT32", Map.of("CDAB", 25.0))),
						// a coil is a BOOL without being told
						Map.of("registerType", "COIL", "address", 9, "reference", "000010", "value", true),
						Map.of("registerType", "HOLDING_REGISTER", "address", 10, "channelDataType", "STRING",
								"stringLength", 4, "name", "mbsel.text")));
		MvcResult result = select(selection).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(3))
			.andReturn();
		assertThat(names(result)).containsExactly("mbsel-plc 400001", "mbsel-plc 000010", "mbsel.text");
		JsonNode created = this.json.readTree(result.getResponse().getContentAsString()).get("channels");
		this.mvc.perform(get("/api/v1/io/channels/" + created.get(0).get("id").asLong()).with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.protocol").value("MODBUS_TCP"))
			.andExpect(jsonPath("$.dataType").value("FLOAT32"))
			.andExpect(jsonPath("$.pollIntervalMs").value(500))
			.andExpect(jsonPath("$.settings.host").value("mbsel-plc"))
			.andExpect(jsonPath("$.settings.port").value(5020))
			.andExpect(jsonPath("$.settings.unitId").value(3))
			.andExpect(jsonPath("$.settings.timeoutMs").value(800))
			.andExpect(jsonPath("$.settings.registerType").value("HOLDING_REGISTER"))
			.andExpect(jsonPath("$.settings.address").value(0))
			.andExpect(jsonPath("$.settings.byteOrder").value("CDAB"));
		this.mvc.perform(get("/api/v1/io/channels/" + created.get(1).get("id").asLong()).with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.dataType").value("BOOL"))
			.andExpect(jsonPath("$.settings.registerType").value("COIL"))
			.andExpect(jsonPath("$.settings.address").value(9));
		this.mvc.perform(get("/api/v1/io/channels/" + created.get(2).get("id").asLong()).with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.dataType").value("STRING"))
			.andExpect(jsonPath("$.settings.stringLength").value(4));
	}

	@Test
	void aFormsEmptyPerItemFieldsAreNoSettingsAndSharedWriteSettingsReachEveryChannel() throws Exception {
		// the web console sends the channel form's settings as the shared ones, empty
		// fields included
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("brokerUrl", "tcp://broker-mform:1883");
		settings.put("topic", "");
		settings.put("valuePointer", "");
		settings.put("deviceId", "");
		settings.put("writable", true);
		settings.put("writeTopic", "mform/cmd");
		select(Map.of("protocol", "MQTT", "settings", settings, "items",
				List.of(Map.of("topic", "mform/a", "payloadFormat", "NUMBER", "channelDataType", "FLOAT64"),
						Map.of("topic", "mform/b", "payloadFormat", "NUMBER", "channelDataType", "FLOAT64",
								"writeTopic", "mform/b/set"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));
		this.mvc.perform(get("/api/v1/io/channels?name=mform/&sort=name").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.content[0].settings.writeTopic").value("mform/cmd"))
			.andExpect(jsonPath("$.content[0].settings.writable").value(true))
			.andExpect(jsonPath("$.content[1].settings.writeTopic").value("mform/b/set"))
			.andExpect(jsonPath("$.content[1].settings.valuePointer").doesNotExist());
		Map<String, Object> modbus = new LinkedHashMap<>(Map.of("host", "mform-plc", "wordOrder", "", "byteOrder", ""));
		select(Map.of("protocol", "MODBUS_TCP", "settings", modbus, "items",
				List.of(Map.of("registerType", "COIL", "address", 3))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
	}

	@Test
	void aMalformedMqttSelectionIsRefusedNamingEveryBadFieldAndCreatesNothing() throws Exception {
		Map<String, Object> selection = Map.of("protocol", "MQTT", "settings",
				Map.of("brokerUrl", "tcp://broker-mbad:1883", "topic", "mbad/#", "metricName", "x"), "channel",
				Map.of("name", "shared"), "items",
				List.of(Map.of("topic", "mbad/a", "channelDataType", "FLOAT64"),
						Map.of("topic", "mbad/+", "payloadFormat", "NUMBER", "channelDataType", "FLOAT64"),
						Map.of("topic", "mbad/b", "payloadFormat", "NUMBER"),
						Map.of("topic", "mbad/c", "payloadFormat", "STRING", "valuePointer", "/x"),
						Map.of("payloadFormat", "SPARKPLUG_B", "groupId", "G", "metricName", "m", "topic", "mbad/d",
								"dataType", "FLOAT64"),
						Map.of("payloadFormat", "SPARKPLUG_B", "groupId", "G", "edgeNodeId", "N/1", "metricName", "m",
								"sparkplugType", "DataSet"),
						Map.of("topic", "mbad/e", "payloadFormat", "NUMBER", "channelDataType", "FLOAT64", "nodeId",
								"i=1")));
		select(selection).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("settings.metricName",
					"settings.topic", "channel.name", "items[0].payloadFormat", "items[1].topic",
					"items[2].channelDataType", "items[3].valuePointer", "items[4].edgeNodeId", "items[4].topic",
					"items[5].edgeNodeId", "items[5].channelDataType", "items[6].nodeId")))
			.andExpect(jsonPath("$.errors[?(@.field == 'items[5].channelDataType')].message")
				.value(Matchers.contains(Matchers.containsString("DataSet"))));
		this.mvc.perform(get("/api/v1/io/channels?name=mbad").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.page.totalElements").value(0));
	}

	@Test
	void aMalformedModbusSelectionIsRefusedNamingEveryBadFieldAndCreatesNothing() throws Exception {
		Map<String, Object> selection = Map.of("protocol", "MODBUS_TCP", "settings",
				Map.of("host", "mbbad-plc", "address", 4, "byteOrder", "DCBA"), "items",
				List.of(Map.of("address", 0, "channelDataType", "INT16"),
						Map.of("registerType", "HOLDING_REGISTER", "address", 1),
						Map.of("registerType", "INPUT_REGISTER", "address", 70000, "channelDataType", "INT16"),
						Map.of("registerType", "HOLDING_REGISTER", "address", 2, "channelDataType", "STRING"),
						Map.of("registerType", "HOLDING_REGISTER", "address", 3, "channelDataType", "INT32",
								"byteOrder", "ZYXW", "stringLength", 2),
						"400001"));
		select(selection).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("settings.address",
					"settings.byteOrder", "items[0].registerType", "items[1].channelDataType", "items[2].address",
					"items[3].stringLength", "items[4].byteOrder", "items[4].stringLength", "items[5]")));
		this.mvc.perform(get("/api/v1/io/channels?name=mbbad").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.page.totalElements").value(0));
	}

	@Test
	void settingsThatNoChannelCouldHaveAreEachItemsErrorAsForOpcUa() throws Exception {
		// the shared settings are checked per channel, as any channel's
		Map<String, Object> items = new LinkedHashMap<>(
				Map.of("registerType", "INPUT_REGISTER", "address", 0, "channelDataType", "INT16", "name", "mbrow.a"));
		select(Map.of("protocol", "MODBUS_TCP", "settings", Map.of("host", "mbrow plc!"), "items", List.of(items)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("settings.host"));
		select(Map.of("protocol", "MQTT", "settings", Map.of("brokerUrl", "http://broker:80"), "items",
				List.of(Map.of("topic", "mbrow/t", "payloadFormat", "NUMBER", "channelDataType", "FLOAT64"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("settings.brokerUrl"));
	}

	private ResultActions select(Map<String, ?> selection) throws Exception {
		return this.mvc.perform(post("/api/v1/io/discovery/channels").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(selection))
			.with(as(Role.ENGINEER)));
	}

	private List<String> names(MvcResult result) throws Exception {
		List<String> names = new ArrayList<>();
		this.json.readTree(result.getResponse().getContentAsString())
			.get("channels")
			.forEach((channel) -> names.add(channel.get("name").asString()));
		return names;
	}

}
