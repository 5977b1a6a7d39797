package io.parx.collector.opcua;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.collector.support.NotADeviceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPC UA discovery (issue #20) through {@code /api/v1/collector/discovery/opcua} against
 * a Milo server with a nested address space: browsing level by level with types, access
 * and values, paging a folder of 450 variables, searching by name with paths and bounds,
 * and clear problems for bad input within the time limit.
 */
class OpcUaDiscoveryApiTests extends AbstractIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static TestOpcUaServer server;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@BeforeAll
	static void startServer() throws Exception {
		server = TestOpcUaServer.startWithSite();
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@Test
	void browsingWithoutANodeListsTheObjectsFolder() throws Exception {
		JsonNode page = ok(post("browse", "ENGINEER", target(null, "")));
		assertThat(page.path("nodeId").asString()).isEqualTo("i=85");
		JsonNode site = byName(page.path("nodes"), "Site");
		assertThat(site.path("nodeClass").asString()).isEqualTo("Object");
		assertThat(site.path("hasChildren").asBoolean()).isTrue();
		assertThat(site.path("nodeId").asString()).isEqualTo(server.nodeId("Site"));
		// the server's own object is there too: the whole Objects folder, not only ours
		assertThat(names(page.path("nodes"))).contains("Site", "Plant", "Server");
	}

	@Test
	void browsingAFolderListsItsVariablesWithTypeAccessAndValueAndItsSubfolders() throws Exception {
		JsonNode nodes = ok(post("browse", "ADMIN", target(server.nodeId("Site.Line1"), ""))).path("nodes");
		assertThat(names(nodes)).containsExactly("Temperature", "Speed", "Pump");

		JsonNode temperature = byName(nodes, "Temperature");
		assertThat(temperature.path("nodeClass").asString()).isEqualTo("Variable");
		assertThat(temperature.path("dataType").asString()).isEqualTo("Double");
		assertThat(temperature.path("channelDataType").asString()).isEqualTo("FLOAT64");
		assertThat(temperature.path("value").asDouble()).isEqualTo(21.5);
		assertThat(temperature.path("accessLevel").toString()).contains("CurrentRead", "CurrentWrite");
		assertThat(temperature.path("hasChildren").asBoolean()).isFalse();

		JsonNode speed = byName(nodes, "Speed");
		assertThat(speed.path("channelDataType").asString()).isEqualTo("FLOAT32");
		assertThat(speed.path("accessLevel").toString()).contains("CurrentRead").doesNotContain("CurrentWrite");

		JsonNode pump = byName(nodes, "Pump");
		assertThat(pump.path("nodeClass").asString()).isEqualTo("Object");
		assertThat(pump.path("hasChildren").asBoolean()).isTrue();

		// one level further down
		JsonNode pumpNodes = ok(post("browse", "ENGINEER", target(pump.path("nodeId").asString(), ""))).path("nodes");
		assertThat(byName(pumpNodes, "Pressure").path("dataType").asString()).isEqualTo("UInt16");
		assertThat(byName(pumpNodes, "Pressure").path("channelDataType").asString()).isEqualTo("UINT16");
		assertThat(byName(pumpNodes, "Pressure").path("value").asInt()).isEqualTo(512);
		assertThat(byName(pumpNodes, "Running").path("value").asBoolean()).isTrue();
		assertThat(byName(pumpNodes, "Running").path("channelDataType").asString()).isEqualTo("BOOL");
	}

	@Test
	void anArrayVariableHasNoChannelDataType() throws Exception {
		// a channel reads one value; an array cannot be one without choosing an element
		JsonNode levels = byName(ok(post("browse", "ENGINEER", target(server.nodeId("Site.Line2"), ""))).path("nodes"),
				"Levels");
		assertThat(levels.path("dataType").asString()).isEqualTo("Double");
		assertThat(levels.has("channelDataType")).isFalse();
		assertThat(levels.path("value").asString()).isEqualTo("[3 values]");
	}

	@Test
	void aFolderOf450VariablesPagesWithACursorUntilTheLastPage() throws Exception {
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String extra = ",\"maxNodes\":200" + ((cursor != null) ? ",\"cursor\":\"" + cursor + "\"" : "");
			JsonNode page = ok(post("browse", "ENGINEER", target(server.nodeId("Site.Many"), extra)));
			page.path("nodes").forEach((node) -> seen.add(node.path("browseName").asString()));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(450).doesNotHaveDuplicates().contains("Point000", "Point449");
	}

	@Test
	void searchFindsNodesByNameAtAnyDepthWithTheirPath() throws Exception {
		JsonNode result = ok(post("search", "ENGINEER", target(server.nodeId("Site"), ",\"query\":\"temperature\"")));
		assertThat(result.path("truncated").isNull()).isTrue();
		Set<String> paths = new HashSet<>();
		result.path("nodes").forEach((node) -> paths.add(node.path("path").asString()));
		assertThat(paths).containsExactlyInAnyOrder("Line1/Temperature", "Line2/Temperature");
		assertThat(result.path("nodes").get(0).path("value").isNumber()).isTrue();

		JsonNode deep = ok(post("search", "ENGINEER", target(null, ",\"query\":\"PRESS\"")));
		assertThat(deep.path("nodes").get(0).path("path").asString()).isEqualTo("Site/Line1/Pump/Pressure");
		assertThat(deep.path("nodes").get(0).path("nodeId").asString())
			.isEqualTo(server.nodeId("Site.Line1.Pump.Pressure"));
	}

	@Test
	void searchStopsAtMaxResultsAndSaysSo() throws Exception {
		JsonNode result = ok(
				post("search", "ENGINEER", target(server.nodeId("Site"), ",\"query\":\"point\",\"maxResults\":10")));
		assertThat(result.path("nodes")).hasSize(10);
		assertThat(result.path("truncated").asString()).isEqualTo("maxResults");
	}

	@Test
	void searchLooksNoDeeperThanMaxDepth() throws Exception {
		// Pressure is three levels below Site
		JsonNode result = ok(
				post("search", "ENGINEER", target(server.nodeId("Site"), ",\"query\":\"pressure\",\"maxDepth\":2")));
		assertThat(result.path("nodes")).isEmpty();
		assertThat(result.path("truncated").isNull()).isTrue();
	}

	@Test
	void anUnknownNodeIdIsA400NamingNodeId() throws Exception {
		HttpResponse<String> response = post("browse", "ENGINEER", target("ns=2;s=NoSuchNode", ""));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("nodeId");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("Bad_NodeIdUnknown");

		HttpResponse<String> search = post("search", "ENGINEER", target("ns=2;s=NoSuchNode", ",\"query\":\"x\""));
		assertThat(search.statusCode()).isEqualTo(400);
	}

	@Test
	void aNodeIdThatIsNoNodeIdIsA400BeforeAnythingIsSent() throws Exception {
		HttpResponse<String> response = post("browse", "ENGINEER", target("Line1.Temperature", ""));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("nodeId");
	}

	@Test
	void settingsAChannelCouldNotHaveAreA400NamingTheField() throws Exception {
		HttpResponse<String> mode = post("browse", "ENGINEER", "{\"endpointUrl\":\"" + server.url()
				+ "\",\"securityPolicy\":\"Basic256Sha256\",\"securityMode\":\"None\"}");
		assertThat(mode.statusCode()).isEqualTo(400);
		assertThat(mode.body()).contains("securityMode");

		HttpResponse<String> url = post("browse", "ENGINEER", "{\"endpointUrl\":\"http://127.0.0.1:4840\"}");
		assertThat(url.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(url.body()).path("errors").get(0).path("field").asString()).isEqualTo("endpointUrl");

		HttpResponse<String> user = post("browse", "ENGINEER",
				"{\"endpointUrl\":\"" + server.url() + "\",\"authentication\":\"USERNAME\"}");
		assertThat(user.statusCode()).isEqualTo(400);
		assertThat(user.body()).contains("username");
	}

	@Test
	void aWrongPasswordIsA502WithTheServersReason() throws Exception {
		HttpResponse<String> response = post("browse", "ENGINEER", "{\"endpointUrl\":\"" + server.url()
				+ "\",\"authentication\":\"USERNAME\",\"username\":\"operator\",\"password\":\"wrong\"}");
		assertThat(response.statusCode()).isEqualTo(502);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/discovery-failed");
		assertThat(problem.path("detail").asString()).contains("Bad_").doesNotContain("wrong");
	}

	@Test
	void aClosedPortIsA502AtOnce() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		long start = System.nanoTime();
		HttpResponse<String> response = post("browse", "ENGINEER",
				"{\"endpointUrl\":\"opc.tcp://127.0.0.1:" + closed + "/plc\",\"timeoutMs\":5000}");
		long tookMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).isEqualTo(502);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/discovery-failed");
		assertThat(problem.path("detail").asString()).contains("127.0.0.1:" + closed);
		assertThat(tookMs).isLessThan(4000);
	}

	@Test
	void aHostThatAcceptsAndStaysSilentIsA504WithinTheTimeLimit() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			long start = System.nanoTime();
			HttpResponse<String> response = post("search", "ENGINEER", "{\"endpointUrl\":\"opc.tcp://127.0.0.1:"
					+ silent.port() + "/plc\",\"query\":\"x\",\"timeoutMs\":1000}");
			long tookMs = (System.nanoTime() - start) / 1_000_000;
			assertThat(response.statusCode()).isEqualTo(504);
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.path("type").asString()).isEqualTo("/problems/device-timeout");
			assertThat(problem.path("detail").asString()).contains("1000 ms");
			// the limit plus the runner's grace and a margin for a loaded machine
			assertThat(tookMs).isLessThan(1000 + 500 + 1500);
		}
	}

	@Test
	void operatorsMayNeitherBrowseNorSearch() throws Exception {
		assertThat(post("browse", "OPERATOR", target(null, "")).statusCode()).isEqualTo(403);
		assertThat(post("search", "OPERATOR", target(null, ",\"query\":\"x\"")).statusCode()).isEqualTo(403);
	}

	private static String target(String nodeId, String extra) {
		return "{\"endpointUrl\":\"" + server.url() + "\"" + ((nodeId != null) ? ",\"nodeId\":\"" + nodeId + "\"" : "")
				+ extra + "}";
	}

	private HttpResponse<String> post(String operation, String role, String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/collector/discovery/opcua/" + operation))
			.header("Authorization", "Bearer " + TOKENS.token(role.toLowerCase() + "-user", role))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<String> names(JsonNode nodes) {
		List<String> names = new ArrayList<>();
		nodes.forEach((node) -> names.add(node.path("browseName").asString()));
		return names;
	}

	private static JsonNode byName(JsonNode nodes, String browseName) {
		for (JsonNode node : nodes) {
			if (node.path("browseName").asString().equals(browseName)) {
				return node;
			}
		}
		throw new AssertionError("no node " + browseName + " in " + nodes);
	}

}
