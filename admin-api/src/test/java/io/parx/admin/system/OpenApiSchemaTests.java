package io.parx.admin.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parx.admin.channels.ChannelFixtures;
import io.parx.admin.channels.CollectorStub;
import io.parx.common.config.channel.ApiSavedChannels;
import io.parx.common.config.channel.Protocol;
import io.parx.common.config.rule.ApiSavedStorageRules;
import io.parx.common.openapi.OpenApiContract;
import io.parx.common.security.Role;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.parx.admin.channels.ChannelFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Real answers of the admin-api against its OpenAPI document: the browser app's types are
 * generated from the document, and most schemas of the map-based endpoints are written by
 * hand ({@code DashboardSchemas}, {@code ChannelSchemas}, {@code RuleSchemas}), so they
 * must be held against what the endpoints send. Every operation is called at least once
 * with success, and errors of every kind are checked too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiSchemaTests extends AbstractIntegrationTest {

	private static OpenApiContract contract;

	@Autowired
	JsonMapper json;

	@Test
	@Order(1)
	void signInAndUsersAnswerAsDocumented() throws Exception {
		TestUser user = createUser("schema", "schema-password-1", Role.OPERATOR);
		String ip = freshIp();
		JsonNode tokens = call(200,
				json(post("/api/v1/auth/login"), map("username", user.username(), "password", user.password()))
					.with(from(ip)));
		call(401, json(post("/api/v1/auth/login"), map("username", user.username(), "password", "wrong-password"))
			.with(from(ip)));
		call(400, json(post("/api/v1/auth/login"), map("username", user.username())).with(from(ip)));
		call(200, get("/api/v1/auth/me").with(bearer(tokens.get("accessToken").asString())));
		call(401, get("/api/v1/auth/me"));
		JsonNode refreshed = call(200,
				json(post("/api/v1/auth/refresh"), map("refreshToken", tokens.get("refreshToken").asString())));
		call(204, json(post("/api/v1/auth/logout"), map("refreshToken", refreshed.get("refreshToken").asString())));
		call(200, get("/.well-known/jwks.json"));

		call(200, get("/api/v1/users?size=5").with(as(Role.ADMIN)));
		call(403, get("/api/v1/users").with(as(Role.ENGINEER)));
		JsonNode created = call(201,
				json(post("/api/v1/users"),
						map("username", "schema-new-" + user.id(), "password", "a-long-password", "role", "ENGINEER"))
					.with(as(Role.ADMIN)));
		String path = "/api/v1/users/" + created.get("id").asLong();
		call(409,
				json(post("/api/v1/users"),
						map("username", user.username(), "password", "a-long-password", "role", "ENGINEER"))
					.with(as(Role.ADMIN)));
		call(200, get(path).with(as(Role.ADMIN)));
		call(404, get("/api/v1/users/987654321").with(as(Role.ADMIN)));
		call(200, json(put(path), map("role", "OPERATOR", "version", 0)).with(as(Role.ADMIN)));
		call(409, json(put(path), map("enabled", false, "version", 0)).with(as(Role.ADMIN)));
		call(204, json(put(path + "/password"), map("newPassword", "another-password")).with(as(Role.ADMIN)));
		call(400, json(put(path + "/password"), map("newPassword", "short")).with(as(Role.ADMIN)));
		call(204, delete(path).with(as(Role.ADMIN)));
		call(200, get("/api/v1/audit?entityType=user&size=20").with(as(Role.ADMIN)));
		call(400, get("/api/v1/audit?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z").with(as(Role.ADMIN)));
	}

	@Test
	@Order(2)
	void channelsAnswerAsDocumented() throws Exception {
		JsonNode channel = call(201,
				json(post("/api/v1/io/channels"), ChannelFixtures.opcua("schema.opcua")).with(as(Role.ENGINEER)));
		String path = "/api/v1/io/channels/" + channel.get("id").asLong();
		call(409, json(post("/api/v1/io/channels"), ChannelFixtures.opcua("schema.opcua")).with(as(Role.ENGINEER)));
		call(400, json(post("/api/v1/io/channels"), map("name", "schema.bad", "protocol", "CAN"))
			.with(as(Role.ENGINEER)));
		call(403, json(post("/api/v1/io/channels"), ChannelFixtures.simulator("schema.sim")).with(as(Role.OPERATOR)));
		call(200, get(path).with(as(Role.OPERATOR)));
		call(404, get("/api/v1/io/channels/987654321").with(as(Role.OPERATOR)));
		call(200, get("/api/v1/io/channels?name=schema.&sort=name,desc&size=10").with(as(Role.OPERATOR)));
		call(400, get("/api/v1/io/channels?protocol=CAN").with(as(Role.OPERATOR)));
		call(200, get("/api/v1/io/channels/export?name=schema.&sort=name,desc").with(as(Role.OPERATOR)));
		call(400, get("/api/v1/io/channels/export?protocol=CAN").with(as(Role.OPERATOR)));
		Map<String, Object> change = ChannelFixtures.opcua("schema.opcua");
		change.put("unit", "K");
		call(428, json(put(path), change).with(as(Role.ENGINEER)));
		call(200, json(put(path), change).with(as(Role.ENGINEER)).header(HttpHeaders.IF_MATCH, "\"0\""));
		call(409, json(put(path), change).with(as(Role.ENGINEER)).header(HttpHeaders.IF_MATCH, "\"0\""));
		CollectorStub.shared()
			.answer(200, "{\"value\":null,\"quality\":2156527616,\"qualityName\":\"Bad_NotConnected\","
					+ "\"latencyMs\":3,\"error\":\"connection refused\"}");
		call(200, post(path + "/test").with(as(Role.ENGINEER)));
		CollectorStub.shared().answer(200, "{\"value\":21.5,\"quality\":0,\"latencyMs\":3}");
		call(200, post(path + "/test").with(as(Role.ENGINEER)));
		CollectorStub.shared().answer(500, "{}");
		call(502, post(path + "/test").with(as(Role.ENGINEER)));
		call(200,
				json(post("/api/v1/io/channels/import"),
						List.of(ChannelFixtures.simulator("schema.import.1"), "not a channel"))
					.with(as(Role.ENGINEER)));
		call(200,
				post("/api/v1/io/channels/import").contentType("text/csv")
					.content("name,dataType,protocol,waveform\nschema.import.2,FLOAT64,SIMULATOR,SINE\n")
					.with(as(Role.ENGINEER)));
		call(409, delete(path).with(as(Role.ENGINEER)).header(HttpHeaders.IF_MATCH, "\"0\""));
		call(204, delete(path).with(as(Role.ENGINEER)));
	}

	@Test
	@Order(2)
	void channelWritesAndWritableSettingsAnswerAsDocumented() throws Exception {
		Map<String, Object> writable = ChannelFixtures.mqtt("schema.write.mqtt");
		ChannelFixtures.settings(writable)
			.putAll(map("writeTopic", "plant/line1/sp/set", "writable", true, "operatorWritable", true, "writeMin", 0,
					"writeMax", 100));
		JsonNode channel = call(201, json(post("/api/v1/io/channels"), writable).with(as(Role.ENGINEER)));
		contract().checkSchema("MqttSettings", channel.get("settings"));
		Map<String, Object> modbus = ChannelFixtures.modbus("schema.write.modbus");
		ChannelFixtures.settings(modbus).put("writable", true);
		contract().checkSchema("ModbusTcpSettings",
				call(201, json(post("/api/v1/io/channels"), modbus).with(as(Role.ENGINEER))).get("settings"));
		Map<String, Object> opcua = ChannelFixtures.opcua("schema.write.opcua");
		ChannelFixtures.settings(opcua).put("writable", true);
		contract().checkSchema("OpcUaSettings",
				call(201, json(post("/api/v1/io/channels"), opcua).with(as(Role.ENGINEER))).get("settings"));
		String path = "/api/v1/io/channels/" + channel.get("id").asLong() + "/write";
		CollectorStub.shared()
			.answer(200, "{\"written\":12.5,\"readBack\":null,\"previous\":null,\"quality\":0,"
					+ "\"qualityName\":\"Good\",\"latencyMs\":3,\"error\":null,\"readBackError\":null}");
		call(200, json(post(path), map("value", 12.5)).with(as(Role.OPERATOR)));
		call(400, json(post(path), map("value", 101)).with(as(Role.ENGINEER)));
		call(404, json(post("/api/v1/io/channels/987654321/write"), map("value", 1)).with(as(Role.ENGINEER)));
		long readOnly = call(201, json(post("/api/v1/io/channels"), ChannelFixtures.simulator("schema.write.sim"))
			.with(as(Role.ENGINEER))).get("id").asLong();
		call(409, json(post("/api/v1/io/channels/" + readOnly + "/write"), map("value", 1)).with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(200, "{\"written\":null,\"quality\":2156527616,\"qualityName\":\"Bad_NotConnected\","
					+ "\"latencyMs\":3,\"error\":\"connection refused\"}");
		call(502, json(post(path), map("value", 1)).with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(200, "{\"written\":null,\"quality\":2148139008,\"qualityName\":\"Bad_Timeout\","
					+ "\"latencyMs\":3,\"error\":\"no answer\"}");
		call(504, json(post(path), map("value", 1)).with(as(Role.ENGINEER)));
		CollectorStub.shared().answer(500, "{}");
		call(502, json(post(path), map("value", 1)).with(as(Role.ENGINEER)));
	}

	@Test
	@Order(2)
	void theSettingsOfEveryProtocolModeAndBackendMatchTheirOwnAlternativeOfTheOneOf() throws Exception {
		Map<Protocol, String> protocols = Map.of(Protocol.MODBUS_TCP, "ModbusTcpSettings", Protocol.OPCUA,
				"OpcUaSettings", Protocol.MQTT, "MqttSettings", Protocol.SIMULATOR, "SimulatorSettings");
		for (ApiSavedChannels.Entry entry : ApiSavedChannels.all()) {
			JsonNode channel = call(201,
					json(post("/api/v1/io/channels"),
							map("name", "schema.saved." + entry.protocol(), "dataType", entry.dataType().name(),
									"protocol", entry.protocol().name(), "settings", entry.sent()))
						.with(as(Role.ENGINEER)));
			contract().checkSchema(protocols.get(entry.protocol()), channel.get("settings"));
		}
		Map<String, Object> sparkplug = ChannelFixtures.sparkplug("schema.saved.sparkplug");
		ChannelFixtures.settings(sparkplug).putAll(map("deviceId", "press-3", "writable", true));
		contract().checkSchema("MqttSettings",
				call(201, json(post("/api/v1/io/channels"), sparkplug).with(as(Role.ENGINEER))).get("settings"));
		long channel = call(201, json(post("/api/v1/io/channels"), ChannelFixtures.simulator("schema.saved.rules"))
			.with(as(Role.ENGINEER))).get("id").asLong();
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.modes()) {
			JsonNode rule = call(201,
					json(post("/api/v1/storage/rules"), map("name", "schema.saved." + entry.name(), "mode",
							entry.name(), "settings", entry.sent(channel), "channelIds", List.of(channel)))
						.with(as(Role.ENGINEER)));
			String name = entry.name().charAt(0) + entry.name().substring(1).toLowerCase(Locale.ROOT) + "Settings";
			contract().checkSchema(name, rule.get("settings"));
		}
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.backends()) {
			JsonNode rule = call(201,
					json(post("/api/v1/storage/rules"), map("name", "schema.saved.backend." + entry.name(), "mode",
							"CONTINUOUS", "backend", entry.name(), "backendSettings", entry.sent(channel)))
						.with(as(Role.ENGINEER)));
			String name = entry.name().charAt(0) + entry.name().substring(1).toLowerCase(Locale.ROOT)
					+ "BackendSettings";
			contract().checkSchema(name, rule.get("backendSettings"));
		}
	}

	@Test
	@Order(3)
	void storageRulesAndBatchDefinitionsAnswerAsDocumented() throws Exception {
		long channel = call(201, json(post("/api/v1/io/channels"), ChannelFixtures.simulator("schema.rules.temp"))
			.with(as(Role.ENGINEER))).get("id").asLong();
		Map<String, Object> rule = map("name", "schema.rule", "mode", "TRIGGER", "settings",
				map("formula", "[schema.rules.temp] > 80"), "backend", "FILE", "backendSettings",
				map("directory", "schema"), "channelIds", List.of(channel));
		JsonNode created = call(201, json(post("/api/v1/storage/rules"), rule).with(as(Role.ENGINEER)));
		String path = "/api/v1/storage/rules/" + created.get("id").asLong();
		call(400,
				json(post("/api/v1/storage/rules"),
						map("name", "schema.rule.bad", "mode", "TRIGGER", "settings", map("formula", "x > > 1")))
					.with(as(Role.ENGINEER)));
		call(200, get(path).with(as(Role.OPERATOR)));
		call(200, get("/api/v1/storage/rules?channelId=" + channel).with(as(Role.OPERATOR)));
		rule.put("mode", "CHANGE");
		rule.put("settings", map("deadband", 0.5));
		rule.put("retentionDays", 30);
		rule.put("version", 0);
		call(200, json(put(path), rule).with(as(Role.ENGINEER)));
		call(204, delete(path).with(as(Role.ENGINEER)));
		call(404, delete(path).with(as(Role.ENGINEER)));

		Map<String, Object> coils = map("name", "schema.coils", "mode", "VALUE_CHANGE", "triggerChannelId", channel);
		created = call(201, json(post("/api/v1/storage/batch-definitions"), coils).with(as(Role.ENGINEER)));
		path = "/api/v1/storage/batch-definitions/" + created.get("id").asLong();
		call(409, json(post("/api/v1/storage/batch-definitions"), coils).with(as(Role.ENGINEER)));
		call(200, get(path).with(as(Role.OPERATOR)));
		call(200, get("/api/v1/storage/batch-definitions").with(as(Role.OPERATOR)));
		call(200,
				json(put(path),
						map("name", "schema.coils", "mode", "START_STOP", "startChannelId", channel, "version", 0))
					.with(as(Role.ENGINEER)));
		call(428, json(put(path), map("name", "schema.coils", "mode", "START_STOP", "startChannelId", channel))
			.with(as(Role.ENGINEER)));
		call(204, delete(path).with(as(Role.ENGINEER)));
	}

	@Test
	@Order(4)
	void dashboardsAndTemplatesAnswerAsDocumented() throws Exception {
		long channel = call(201, json(post("/api/v1/io/channels"), ChannelFixtures.simulator("schema.dash.speed"))
			.with(as(Role.ENGINEER))).get("id").asLong();
		long gone = call(201, json(post("/api/v1/io/channels"), ChannelFixtures.simulator("schema.dash.gone"))
			.with(as(Role.ENGINEER))).get("id").asLong();
		Map<String, Object> dashboard = map("name", "schema.dash", "shared", true, "layout", map("widgets", List.of(
				map("id", "w1", "kind", "TREND", "title", "Speed", "x", 0, "y", 0, "w", 12, "h", 6, "channelIds",
						List.of(channel, gone), "options", map("window", "PT1H")),
				map("kind", "PROGRESS", "x", 12, "channelIds", List.of(channel), "options", map("min", 0, "max", 5)),
				map("kind", "TEXT", "x", 16, "options", map("text", "notes")))));
		JsonNode created = call(201, json(post("/api/v1/dashboards"), dashboard).with(as(Role.ENGINEER)));
		String path = "/api/v1/dashboards/" + created.get("id").asLong();
		call(400, json(post("/api/v1/dashboards"), map("layout", map("widgets", List.of(map("kind", "PIE")))))
			.with(as(Role.ENGINEER)));
		call(200, get(path).with(as(Role.OPERATOR)));
		call(200, get("/api/v1/dashboards?name=schema&page=0&size=10").with(as(Role.OPERATOR)));
		// a dashboard as read may be sent back
		call(200, json(put(path), created).with(as(Role.ENGINEER)));
		call(409, json(put(path), created).with(as(Role.ENGINEER)));
		call(200, json(put(path), created).with(as(Role.ADMIN)).header(HttpHeaders.IF_MATCH, "\"1\""));
		call(403, json(put(path), created).with(as(Role.OPERATOR)));
		JsonNode template = call(200, post(path + "/export").with(as(Role.OPERATOR)));
		call(404, post("/api/v1/dashboards/987654321/export").with(as(Role.OPERATOR)));
		call(200, json(post("/api/v1/dashboards/import"), template).with(as(Role.ENGINEER)));
		call(204, delete("/api/v1/io/channels/" + gone).with(as(Role.ENGINEER)));
		call(204, delete(path).with(as(Role.ENGINEER)));
		JsonNode imported = call(201, json(post("/api/v1/dashboards/import"), template).with(as(Role.ENGINEER)));
		assertThat(imported.get("unresolvedBindings")).hasSize(1);
		call(400, json(post("/api/v1/dashboards/import"), map("format", "grafana")).with(as(Role.ENGINEER)));
	}

	@Test
	@Order(5)
	void alarmDefinitionsAnswerAsDocumented() throws Exception {
		Map<String, Object> furnace = ChannelFixtures.simulator("schema.alarms.furnace");
		furnace.put("tags", List.of("schema-alarms"));
		long channel = call(201, json(post("/api/v1/io/channels"), furnace).with(as(Role.ENGINEER))).get("id").asLong();
		Map<String, Object> hot = map("name", "Furnace hot", "channelId", channel, "type", "HI", "limit", 870,
				"deadband", 2, "priority", "HIGH");
		JsonNode created = call(201, json(post("/api/v1/alarms/definitions"), hot).with(as(Role.ENGINEER)));
		String path = "/api/v1/alarms/definitions/" + created.get("id").asLong();
		call(400, json(post("/api/v1/alarms/definitions"), map("name", "bad", "type", "HI")).with(as(Role.ENGINEER)));
		call(200, get(path).with(as(Role.OPERATOR)));
		call(200, get("/api/v1/alarms/definitions?channelId=" + channel).with(as(Role.OPERATOR)));
		call(200, json(put(path), map("name", "Furnace running", "channelId", channel, "type", "DISCRETE", "alarmValue",
				true, "version", 0))
			.with(as(Role.ENGINEER)));
		call(428, json(put(path), hot).with(as(Role.ENGINEER)));
		call(201,
				json(post("/api/v1/alarms/definitions/bulk"),
						map("tag", "schema-alarms", "definition", map("name", "{channel} bad", "type", "BAD_QUALITY")))
					.with(as(Role.ENGINEER)));
		call(204, delete(path).with(as(Role.ENGINEER)));
		call(404, delete(path).with(as(Role.ENGINEER)));
	}

	@Test
	@Order(6)
	void alarmWebhooksAnswerAsDocumented() throws Exception {
		Map<String, Object> pager = map("name", "Pager", "url", "https://pager.example.com/hook", "priorities",
				List.of("HIGH", "CRITICAL"), "secret", "Bearer schema-secret");
		JsonNode created = call(201, json(post("/api/v1/alarms/webhooks"), pager).with(as(Role.ENGINEER)));
		String path = "/api/v1/alarms/webhooks/" + created.get("id").asLong();
		call(400, json(post("/api/v1/alarms/webhooks"), map("name", "bad", "url", "ftp://x", "priorities", List.of(9)))
			.with(as(Role.ENGINEER)));
		call(200, get(path).with(as(Role.OPERATOR)));
		call(200, get("/api/v1/alarms/webhooks").with(as(Role.OPERATOR)));
		call(200, json(put(path),
				map("name", "Chat", "url", "https://chat.example.com/hook", "priorities", List.of("LOW"), "version", 0))
			.with(as(Role.ENGINEER)));
		call(428, json(put(path), pager).with(as(Role.ENGINEER)));
		call(204, delete(path).with(as(Role.ENGINEER)));
		call(404, delete(path).with(as(Role.ENGINEER)));
	}

	@Test
	@Order(7)
	void discoveryAnswersAsDocumented() throws Exception {
		Map<String, Object> server = map("endpointUrl", "opc.tcp://schema-plc:4840");
		CollectorStub.shared()
			.answer(200, "{\"nodeId\":\"i=85\",\"nodes\":[{\"nodeId\":\"ns=2;s=Line1\",\"browseName\":\"Line1\","
					+ "\"displayName\":\"Line 1\",\"nodeClass\":\"Object\",\"hasChildren\":true},{\"nodeId\":"
					+ "\"ns=2;s=T\",\"browseName\":\"T\",\"displayName\":\"T\",\"nodeClass\":\"Variable\",\"dataType\":"
					+ "\"Double\",\"channelDataType\":\"FLOAT64\",\"accessLevel\":[\"CurrentRead\",\"CurrentWrite\"],"
					+ "\"value\":21.5,\"hasChildren\":false},{\"nodeId\":\"ns=2;s=S\",\"browseName\":\"S\","
					+ "\"displayName\":\"S\",\"nodeClass\":\"Variable\",\"dataType\":\"ns=3;i=3002\",\"accessLevel\":"
					+ "[\"CurrentRead\"],\"value\":\"ExtensionObject\",\"valueStatus\":\"Uncertain_LastUsableValue\","
					+ "\"hasChildren\":true}],\"nextCursor\":\"200\"}");
		call(200, json(post("/api/v1/io/discovery/opcua/browse"), server).with(as(Role.ENGINEER)));
		call(400, json(post("/api/v1/io/discovery/opcua/browse"), map("endpointUrl", "http://x"))
			.with(as(Role.ENGINEER)));
		call(403, json(post("/api/v1/io/discovery/opcua/browse"), server).with(as(Role.OPERATOR)));
		CollectorStub.shared()
			.answer(502, "{\"type\":\"/problems/discovery-failed\",\"title\":\"Discovery failed\",\"status\":502,"
					+ "\"detail\":\"opc.tcp://schema-plc:4840: connection refused\"}");
		call(502, json(post("/api/v1/io/discovery/opcua/browse"), server).with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(504, "{\"type\":\"/problems/device-timeout\",\"title\":\"Device did not answer\","
					+ "\"status\":504,\"detail\":\"no answer\"}");
		call(504, json(post("/api/v1/io/discovery/opcua/browse"), server).with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(503, "{\"type\":\"/problems/discovery-busy\",\"title\":\"Discovery busy\",\"status\":503,"
					+ "\"detail\":\"busy\"}");
		call(503, json(post("/api/v1/io/discovery/opcua/search"),
				map("endpointUrl", "opc.tcp://schema-plc:4840", "query", "t"))
			.with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(200, "{\"nodeId\":\"i=85\",\"nodes\":[{\"nodeId\":\"ns=2;s=T\",\"browseName\":\"T\","
					+ "\"displayName\":\"T\",\"nodeClass\":\"Variable\",\"dataType\":\"Boolean\",\"channelDataType\":"
					+ "\"BOOL\",\"accessLevel\":[\"CurrentRead\"],\"value\":true,\"hasChildren\":false,\"path\":"
					+ "\"Line1/T\"}],\"visited\":17,\"truncated\":null}");
		call(200, json(post("/api/v1/io/discovery/opcua/search"),
				map("endpointUrl", "opc.tcp://schema-plc:4840", "query", "t"))
			.with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(200, "{\"nodeId\":\"i=85\",\"nodes\":[],\"visited\":20000,\"truncated\":\"maxVisited\"}");
		call(200, json(post("/api/v1/io/discovery/opcua/search"),
				map("endpointUrl", "opc.tcp://schema-plc:4840", "query", "t"))
			.with(as(Role.ENGINEER)));
		call(200, json(post("/api/v1/io/discovery/channels"), map("protocol", "OPCUA", "settings", server, "items",
				List.of(map("nodeId", "ns=2;s=T", "path", "schema/Line1/T", "dataType", "Double"), map("nodeId",
						"ns=2;s=T", "path", "schema/Line1/T", "dataType", "Double", "name", "schema bad#name"))))
			.with(as(Role.ENGINEER)));
		call(400, json(post("/api/v1/io/discovery/channels"),
				map("protocol", "OPCUA", "settings", server, "items", List.of()))
			.with(as(Role.ENGINEER)));
		Map<String, Object> broker = map("brokerUrl", "tcp://schema-broker:1883");
		// the collector's answers as they are, nulls included (TopicSurveyResult, ...)
		CollectorStub.shared()
			.answer(200, "{\"topicFilter\":\"#\",\"listenedMs\":5004,\"messages\":5,\"topicCount\":3,\"truncated\":"
					+ "false,\"unlistedMessages\":0,\"topics\":[{\"topic\":\"plant/l1/json\",\"messages\":3,\"retained\":"
					+ "false,\"lastReceivedAt\":\"2026-12-06T22:58:01.123Z\",\"payloadBytes\":26,\"payloadFormat\":"
					+ "\"JSON\",\"payload\":\"{\\\"temp\\\":21.5,\\\"run\\\":true}\",\"payloadTruncated\":false,"
					+ "\"leaves\":[{\"pointer\":\"/temp\",\"type\":\"NUMBER\",\"value\":21.5},{\"pointer\":\"/run\","
					+ "\"type\":\"BOOLEAN\",\"value\":true}],\"leavesTruncated\":false,\"note\":null},{\"topic\":"
					+ "\"plant/l1/count\",\"messages\":1,\"retained\":true,\"lastReceivedAt\":\"2026-12-06T22:58:00Z\","
					+ "\"payloadBytes\":2,\"payloadFormat\":\"NUMBER\",\"payload\":\"42\",\"payloadTruncated\":false,"
					+ "\"leaves\":[],\"leavesTruncated\":false,\"note\":null},{\"topic\":\"plant/bin\",\"messages\":1,"
					+ "\"retained\":false,\"lastReceivedAt\":\"2026-12-06T22:58:02Z\",\"payloadBytes\":4,\"payloadFormat\":"
					+ "null,\"payload\":null,\"payloadTruncated\":false,\"leaves\":[],\"leavesTruncated\":false,\"note\":"
					+ "\"binary payload\"}]}");
		call(200, json(post("/api/v1/io/discovery/mqtt/topics"), broker).with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(200, "{\"listenedMs\":5002,\"messages\":4,\"truncated\":false,\"rebirthRequests\":1,\"groups\":"
					+ "[{\"groupId\":\"Plant\",\"edgeNodes\":[{\"edgeNodeId\":\"Edge1\",\"state\":\"ONLINE\","
					+ "\"messages\":3,\"rebirthRequested\":true,\"metrics\":[{\"name\":\"Line1/Speed\",\"alias\":7,"
					+ "\"sparkplugType\":\"Float\",\"dataType\":\"FLOAT32\",\"value\":1.5},{\"name\":\"Recipe\","
					+ "\"alias\":null,\"sparkplugType\":\"DataSet\",\"dataType\":null,\"value\":null}],\"devices\":"
					+ "[{\"deviceId\":\"Press\",\"state\":\"OFFLINE\",\"metrics\":[{\"name\":\"Pressure\",\"alias\":"
					+ "null,\"sparkplugType\":\"Double\",\"dataType\":\"FLOAT64\",\"value\":3.2}],\"note\":null}],"
					+ "\"note\":null},{\"edgeNodeId\":\"Edge2\",\"state\":\"NO_BIRTH\",\"messages\":1,"
					+ "\"rebirthRequested\":false,\"metrics\":[],\"devices\":[],\"note\":\"not a Sparkplug B payload\"}]}]}");
		call(200, json(post("/api/v1/io/discovery/sparkplug"), broker).with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(200, "{\"device\":\"modbus://schema-plc:502/1\",\"registerType\":\"HOLDING_REGISTER\","
					+ "\"address\":0,\"count\":2,\"blocks\":[{\"address\":0,\"count\":1,\"exceptionCode\":null,"
					+ "\"error\":null,\"latencyMs\":3},{\"address\":1,\"count\":1,\"exceptionCode\":2,\"error\":"
					+ "\"illegal data address\",\"latencyMs\":2}],\"registers\":[{\"address\":0,\"reference\":"
					+ "\"400001\",\"word\":16840,\"hex\":\"41C8\",\"text\":\"A.\",\"values\":{\"INT16\":{\"ABCD\":"
					+ "16840,\"BADC\":-14271},\"UINT16\":{\"ABCD\":16840,\"BADC\":51265},\"FLOAT32\":{\"ABCD\":"
					+ "null,\"CDAB\":25.0}}}],\"bits\":[]}");
		call(200,
				json(post("/api/v1/io/discovery/modbus/registers"),
						map("host", "schema-plc", "registerType", "HOLDING_REGISTER", "address", 0, "count", 2))
					.with(as(Role.ENGINEER)));
		CollectorStub.shared()
			.answer(200, "{\"device\":\"modbus://schema-plc:502/1\",\"registerType\":\"COIL\",\"address\":0,"
					+ "\"count\":1,\"blocks\":[{\"address\":0,\"count\":1,\"exceptionCode\":null,\"error\":null,"
					+ "\"latencyMs\":1}],\"registers\":[],\"bits\":[{\"address\":0,\"reference\":\"000001\",\"value\":"
					+ "true}]}");
		call(200,
				json(post("/api/v1/io/discovery/modbus/registers"),
						map("host", "schema-plc", "registerType", "COIL", "address", 0, "count", 1))
					.with(as(Role.ENGINEER)));
		call(200,
				json(post("/api/v1/io/discovery/channels"),
						map("protocol", "MQTT", "settings", broker, "items",
								List.of(map("topic", "schema/l1/json", "payloadFormat", "JSON", "valuePointer", "/temp",
										"channelDataType", "FLOAT64"),
										map("payloadFormat", "SPARKPLUG_B", "groupId", "Plant", "edgeNodeId",
												"SchemaEdge", "metricName", "Speed", "dataType", "FLOAT32"))))
					.with(as(Role.ENGINEER)));
		call(200,
				json(post("/api/v1/io/discovery/channels"),
						map("protocol", "MODBUS_TCP", "settings", map("host", "schema-plc"), "items", List
							.of(map("registerType", "HOLDING_REGISTER", "address", 0, "channelDataType", "INT16"))))
					.with(as(Role.ENGINEER)));
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void everyOperationWasCalledWithSuccess() throws Exception {
		assertThat(contract().unchecked()).isEmpty();
	}

	/**
	 * Performs the request, expects the status and holds the answer against the document.
	 */
	private JsonNode call(int expectedStatus, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		MockHttpServletResponse response = result.getResponse();
		String body = response.getContentAsString();
		assertThat(response.getStatus())
			.as(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " answered " + body)
			.isEqualTo(expectedStatus);
		contract().check(result.getRequest().getMethod(), result.getRequest().getRequestURI(), response.getStatus(),
				response.getContentType(), body);
		boolean json = response.getContentType() != null && response.getContentType().contains("json");
		return (body.isEmpty() || !json) ? null : this.json.readTree(body);
	}

	private OpenApiContract contract() throws Exception {
		if (contract == null) {
			contract = OpenApiContract
				.of(this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		}
		return contract;
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
	}

}
