package io.parx.admin.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.admin.channels.CollectorStub;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/io/discovery} (issue #20): what the admin-api refuses before the
 * collector (stub) is asked, the forwarding with the caller's token and a capped time
 * limit, the collector's problems passed on as they are, and channels created from a
 * selection through the import path (validated, audited, listed).
 */
class DiscoveryApiTests extends AbstractIntegrationTest {

	private static final String PAGE = "{\"nodeId\":\"ns=2;s=Site.Line1\",\"nodes\":[{\"nodeId\":\"ns=2;s=Site.Line1"
			+ ".Temperature\",\"browseName\":\"Temperature\",\"displayName\":\"Temperature\",\"nodeClass\":\"Variable\","
			+ "\"dataType\":\"Double\",\"channelDataType\":\"FLOAT64\",\"accessLevel\":[\"CurrentRead\"],\"value\":21.5,"
			+ "\"hasChildren\":false}],\"nextCursor\":null}";

	@Autowired
	JsonMapper json;

	@BeforeEach
	void forgetTheLastRequest() {
		CollectorStub.shared().reset();
		CollectorStub.shared().answer(200, PAGE);
	}

	@Test
	void aBrowseIsForwardedWithTheCallersTokenAndTheCheckedRequest() throws Exception {
		String token = token(Role.ENGINEER);
		this.mvc
			.perform(post("/api/v1/io/discovery/opcua/browse").contentType(MediaType.APPLICATION_JSON)
				.content("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"nodeId\":\" ns=2;s=Site.Line1 \","
						+ "\"maxNodes\":50,\"cursor\":\"100\"}")
				.with(bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes[0].browseName").value("Temperature"))
			.andExpect(jsonPath("$.nodes[0].channelDataType").value("FLOAT64"))
			.andExpect(jsonPath("$.nextCursor").isEmpty());
		CollectorStub.Request request = CollectorStub.shared().lastRequest();
		assertThat(request.path()).isEqualTo("/api/v1/collector/discovery/opcua/browse");
		assertThat(request.authorization()).isEqualTo("Bearer " + token);
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.get("endpointUrl").asString()).isEqualTo("opc.tcp://plc-1:4840");
		assertThat(body.get("nodeId").asString()).isEqualTo("ns=2;s=Site.Line1");
		assertThat(body.get("maxNodes").asInt()).isEqualTo(50);
		assertThat(body.get("cursor").asString()).isEqualTo("100");
		// 2 s less than the admin-api waits for the collector (10 s in tests)
		assertThat(body.get("timeoutMs").asLong()).isEqualTo(8000);
	}

	@Test
	void aSearchAskingForMoreTimeThanTheAdminApiWaitsIsForwardedWithTheShorterLimit() throws Exception {
		CollectorStub.shared().answer(200, "{\"nodeId\":\"i=85\",\"nodes\":[],\"visited\":12,\"truncated\":null}");
		this.mvc
			.perform(post("/api/v1/io/discovery/opcua/search").contentType(MediaType.APPLICATION_JSON)
				.content("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"securityPolicy\":\"Basic256Sha256\","
						+ "\"authentication\":\"USERNAME\",\"username\":\"op\",\"password\":\"pw\",\"query\":\"temp\","
						+ "\"maxDepth\":3,\"timeoutMs\":60000}")
				.with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.visited").value(12));
		JsonNode body = this.json.readTree(CollectorStub.shared().lastRequest().body());
		assertThat(CollectorStub.shared().lastRequest().path()).isEqualTo("/api/v1/collector/discovery/opcua/search");
		assertThat(body.get("timeoutMs").asLong()).isEqualTo(8000);
		assertThat(body.get("password").asString()).isEqualTo("pw");
		assertThat(body.get("query").asString()).isEqualTo("temp");
	}

	@Test
	void theCollectorsProblemsReachTheCallerAsTheyAre() throws Exception {
		CollectorStub.shared()
			.answer(400, "{\"type\":\"/problems/validation\",\"title\":\"Invalid input\",\"status\":400,\"detail\":"
					+ "\"1 field is invalid\",\"errors\":[{\"field\":\"nodeId\",\"message\":\"the server has no node "
					+ "ns=2;s=X (Bad_NodeIdUnknown)\"}]}");
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"nodeId\":\"ns=2;s=X\"}", 400)
			.andExpect(jsonPath("$.errors[0].field").value("nodeId"))
			.andExpect(jsonPath("$.errors[0].message").value("the server has no node ns=2;s=X (Bad_NodeIdUnknown)"));
		CollectorStub.shared()
			.answer(502, "{\"type\":\"/problems/discovery-failed\",\"title\":\"Discovery failed\",\"status\":502,"
					+ "\"detail\":\"opc.tcp://plc-1:4840: Bad_ConnectionRejected: connection refused\"}");
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\"}", 502)
			.andExpect(jsonPath("$.type").value("/problems/discovery-failed"))
			.andExpect(jsonPath("$.detail").value("opc.tcp://plc-1:4840: Bad_ConnectionRejected: connection refused"));
		CollectorStub.shared()
			.answer(504, "{\"type\":\"/problems/device-timeout\",\"title\":\"Device did not answer\",\"status\":504,"
					+ "\"detail\":\"no answer from opc.tcp://plc-1:4840 within 9000 ms\"}");
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\"}", 504)
			.andExpect(jsonPath("$.type").value("/problems/device-timeout"));
		CollectorStub.shared()
			.answer(503, "{\"type\":\"/problems/discovery-busy\",\"title\":\"Discovery busy\",\"status\":503,"
					+ "\"detail\":\"the collector is running 2 discoveries\"}");
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\"}", 503)
			.andExpect(jsonPath("$.type").value("/problems/discovery-busy"));
		// the collector's own failure is not the server's: the collector is unavailable
		CollectorStub.shared().answer(500, "{\"type\":\"/problems/internal\",\"status\":500}");
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\"}", 502)
			.andExpect(jsonPath("$.type").value("/problems/collector-unavailable"));
	}

	@Test
	void aBrokerOrDeviceSurveyIsForwardedAsItIsAndTheCollectorsFieldErrorsComeBack() throws Exception {
		String token = token(Role.ENGINEER);
		String[][] surveys = {
				{ "mqtt/topics",
						"{\"brokerUrl\":\"tcp://broker:1883\",\"topicFilter\":\"plant/#\"," + "\"listenSeconds\":20}" },
				{ "sparkplug", "{\"brokerUrl\":\"tcp://broker:1883\",\"groupId\":\"Line1\",\"requestRebirth\":true}" },
				{ "modbus/registers", "{\"host\":\"plc-1\",\"registerType\":\"HOLDING_REGISTER\",\"address\":0,"
						+ "\"count\":250}" } };
		for (String[] survey : surveys) {
			CollectorStub.shared().answer(200, "{\"kind\":\"" + survey[0] + "\"}");
			this.mvc
				.perform(post("/api/v1/io/discovery/" + survey[0]).contentType(MediaType.APPLICATION_JSON)
					.content(survey[1])
					.with(bearer(token)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value(survey[0]));
			CollectorStub.Request request = CollectorStub.shared().lastRequest();
			assertThat(request.path()).isEqualTo("/api/v1/collector/discovery/" + survey[0]);
			assertThat(request.authorization()).isEqualTo("Bearer " + token);
			// as sent: the collector checks the fields and bounds the time itself
			assertThat(this.json.readTree(request.body())).isEqualTo(this.json.readTree(survey[1]));
		}
		CollectorStub.shared()
			.answer(400, "{\"type\":\"/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
					+ "\"errors\":[{\"field\":\"listenSeconds\",\"message\":\"must be at most 30\"}]}");
		this.mvc
			.perform(post("/api/v1/io/discovery/mqtt/topics").contentType(MediaType.APPLICATION_JSON)
				.content("{\"brokerUrl\":\"tcp://broker:1883\",\"listenSeconds\":31}")
				.with(bearer(token)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("listenSeconds"));
	}

	@Test
	void badInputIsRefusedNamingTheFieldBeforeTheCollectorIsAsked() throws Exception {
		browse("{\"endpointUrl\":\"http://plc-1:4840\"}", 400)
			.andExpect(jsonPath("$.errors[0].field").value("endpointUrl"));
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"securityPolicy\":\"Basic256Sha256\",\"securityMode\":\"None\"}",
				400)
			.andExpect(jsonPath("$.errors[0].field").value("securityMode"));
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"nodeId\":\"Line1.Temp\"}", 400)
			.andExpect(jsonPath("$.errors[0].field").value("nodeId"));
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"cursor\":\"-1\"}", 400)
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"maxNodes\":100000}", 400)
			.andExpect(jsonPath("$.errors[0].field").value("maxNodes"));
		browse("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"nodeID\":\"i=85\"}", 400)
			.andExpect(jsonPath("$.errors[0].field").value("nodeID"));
		this.mvc
			.perform(post("/api/v1/io/discovery/opcua/search").contentType(MediaType.APPLICATION_JSON)
				.content("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"maxDepth\":11}")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("query", "maxDepth")));
		assertThat(CollectorStub.shared().lastRequest()).isNull();
	}

	@Test
	void operatorsMayNeitherBrowseNorCreateChannelsAndNobodyWithoutAToken() throws Exception {
		for (String path : List.of("opcua/browse", "opcua/search", "channels")) {
			this.mvc
				.perform(post("/api/v1/io/discovery/" + path).contentType(MediaType.APPLICATION_JSON)
					.content("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"query\":\"x\"}")
					.with(as(Role.OPERATOR)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/api/v1/io/discovery/" + path).contentType(MediaType.APPLICATION_JSON)
					.content("{\"endpointUrl\":\"opc.tcp://plc-1:4840\",\"query\":\"x\"}"))
				.andExpect(status().isUnauthorized());
		}
		assertThat(CollectorStub.shared().lastRequest()).isNull();
	}

	@Test
	void aSelectionBecomesChannelsNamedAndTypedFromTheServerAuditedAndListed() throws Exception {
		Map<String, Object> selection = Map.of("protocol", "OPCUA", "settings", Map
			.of("endpointUrl", "opc.tcp://plc-sel:4840", "securityPolicy", "Basic256Sha256", "samplingIntervalMs", 500),
				"channel", Map.of("pollIntervalMs", 2000, "tags", List.of("line1"), "collector", "edge-1"), "items",
				List.of(
						// as search listed it: the path names the channel
						Map.of("nodeId", "ns=2;s=Site.Line1.Temperature", "browseName", "Temperature", "path",
								"sel/Line1/Temperature", "dataType", "Double", "channelDataType", "FLOAT64",
								"nodeClass", "Variable", "value", 21.5, "hasChildren", false),
						Map.of("nodeId", "ns=2;s=Site.Line2.Temperature", "browseName", "Temperature", "path",
								"sel/Line1/Temperature", "dataType", "Double"),
						// as browse listed it: no path, the browse name made valid
						Map.of("nodeId", "ns=2;i=1042", "browseName", "sel Pump#1 (running)", "dataType", "Boolean"),
						Map.of("nodeId", "ns=2;s=Counter", "name", "sel.counter", "dataType", "DateTime",
								"channelDataType", "INT32")));
		MvcResult result = this.mvc
			.perform(post("/api/v1/io/discovery/channels").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(selection))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(4))
			.andExpect(jsonPath("$.failed").value(0))
			.andReturn();
		JsonNode created = this.json.readTree(result.getResponse().getContentAsString()).get("channels");
		List<String> names = new ArrayList<>();
		created.forEach((channel) -> names.add(channel.get("name").asString()));
		// two nodes of one path: unique within the selection
		assertThat(names).containsExactly("sel/Line1/Temperature", "sel/Line1/Temperature 2", "sel Pump_1 _running_",
				"sel.counter");

		long id = created.get(0).get("id").asLong();
		this.mvc.perform(get("/api/v1/io/channels/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dataType").value("FLOAT64"))
			.andExpect(jsonPath("$.protocol").value("OPCUA"))
			.andExpect(jsonPath("$.pollIntervalMs").value(2000))
			.andExpect(jsonPath("$.collector").value("edge-1"))
			.andExpect(jsonPath("$.tags[0]").value("line1"))
			.andExpect(jsonPath("$.settings.endpointUrl").value("opc.tcp://plc-sel:4840"))
			.andExpect(jsonPath("$.settings.nodeId").value("ns=2;s=Site.Line1.Temperature"))
			.andExpect(jsonPath("$.settings.securityMode").value("SignAndEncrypt"))
			.andExpect(jsonPath("$.settings.samplingIntervalMs").value(500));
		this.mvc.perform(get("/api/v1/io/channels?name=sel&sort=name").with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(4))
			.andExpect(jsonPath("$.content[0].name").value("sel Pump_1 _running_"))
			.andExpect(jsonPath("$.content[0].dataType").value("BOOL"));
		this.mvc.perform(get("/api/v1/audit?action=CREATE&entityType=channel&entityId=" + id).with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].action").value("CREATE"))
			.andExpect(jsonPath("$.content[0].after.name").value("sel/Line1/Temperature"));
	}

	@Test
	void aNameAlreadyUsedIsThatItemsErrorAndNeverAnUpdate() throws Exception {
		Map<String, Object> first = selection(
				List.of(Map.of("nodeId", "ns=2;s=A", "name", "taken.a", "dataType", "Double")));
		select(first).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
		Map<String, Object> again = selection(
				List.of(Map.of("nodeId", "ns=2;s=Other", "name", "taken.a", "dataType", "Int16"),
						Map.of("nodeId", "ns=2;s=B", "name", "taken.b", "dataType", "Float")));
		select(again).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("name"))
			.andExpect(jsonPath("$.channels[0].name").value("taken.b"));
		this.mvc.perform(get("/api/v1/io/channels?name=taken.a").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.content[0].settings.nodeId").value("ns=2;s=A"))
			.andExpect(jsonPath("$.content[0].version").value(0));
	}

	@Test
	void aSelectionThatIsNotWellFormedCreatesNothing() throws Exception {
		// a DateTime has no channel data type: the engineer must choose one
		Map<String, Object> untyped = selection(
				List.of(Map.of("nodeId", "ns=2;s=Good.One", "name", "wf.good", "dataType", "Double"),
						Map.of("nodeId", "ns=2;s=When", "name", "wf.when", "dataType", "DateTime")));
		select(untyped).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[1].channelDataType"));
		select(selection(List.of(Map.of("name", "wf.nonode", "dataType", "Double")))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].nodeId"));
		select(selection(List.of())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"));
		select(Map.of("protocol", "SIMULATOR", "settings", Map.of(), "items", List.of(Map.of("nodeId", "i=1"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("protocol"));
		select(Map.of("protocol", "OPCUA", "settings", Map.of("endpointUrl", "opc.tcp://plc:4840", "nodeId", "i=1"),
				"items", List.of(Map.of("nodeId", "i=2", "dataType", "Double"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("settings.nodeId"));
		this.mvc.perform(get("/api/v1/io/channels?name=wf.").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.page.totalElements").value(0));
	}

	@Test
	void settingsThatNoChannelCouldHaveAreEachItemsError() throws Exception {
		// the shared settings are checked per channel, as any channel's
		Map<String, Object> selection = Map.of("protocol", "OPCUA", "settings", Map.of("endpointUrl", "ftp://plc:21"),
				"items", List.of(Map.of("nodeId", "ns=2;s=X", "name", "bad.x", "dataType", "Double")));
		select(selection).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("settings.endpointUrl"));
	}

	private org.springframework.test.web.servlet.ResultActions browse(String body, int status) throws Exception {
		return this.mvc
			.perform(post("/api/v1/io/discovery/opcua/browse").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(as(Role.ENGINEER)))
			.andExpect(status().is(status));
	}

	private org.springframework.test.web.servlet.ResultActions select(Map<String, ?> selection) throws Exception {
		return this.mvc.perform(post("/api/v1/io/discovery/channels").contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(selection))
			.with(as(Role.ENGINEER)));
	}

	private static Map<String, Object> selection(List<?> items) {
		return Map.of("protocol", "OPCUA", "settings", Map.of("endpointUrl", "opc.tcp://plc-taken:4840"), "items",
				items);
	}

}
