package io.parx.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.parx.bench.demo.OpcUaDevice;
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
 * Finding the plant's signals end to end (issue #20): an engineer browses and searches
 * the demo plant's OPC UA server through the admin-api and the collector process, picks
 * what was found and gets channels that the collector then reads, without typing a node
 * id. The server's own mistakes (an unknown node) reach the engineer as a problem naming
 * the field, through both services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DiscoveryTests {

	private static final String ENGINEER = "discovery-engineer";

	private static final String OPERATOR = "discovery-operator";

	private static final String PASSWORD = "discovery-1";

	private ParxStack stack;

	private String engineerToken;

	private String operatorToken;

	private String endpointUrl;

	private JsonNode found;

	private LiveClient live;

	@BeforeAll
	void usersOfTheirOwn(ParxStack stack) {
		this.stack = stack;
		stack.createEngineerAndOperator(ENGINEER, OPERATOR, PASSWORD);
		this.engineerToken = stack.login(ENGINEER, PASSWORD);
		this.operatorToken = stack.login(OPERATOR, PASSWORD);
		this.endpointUrl = stack.plant().opcua().endpointUrl();
	}

	@AfterAll
	void closeTheLiveClient() {
		if (this.live != null) {
			this.live.close();
		}
	}

	@Test
	@Order(1)
	void anEngineerBrowsesThePlantLevelByLevel() {
		// The collector process has not used an OPC UA client before this class when it
		// runs alone: its first session loads Milo and its crypto under C1 on a loaded
		// machine and once took more than the admin-api's 10 s (a 503 naming the
		// collector). Later calls must answer at once.
		Api.Response[] first = new Api.Response[1];
		await("a first browse through a cold collector").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> (first[0] = discover("browse", Map.of("endpointUrl", this.endpointUrl), this.engineerToken))
				.status() == 200);
		long start = System.nanoTime();
		Api.Response objects = discover("browse", Map.of("endpointUrl", this.endpointUrl), this.engineerToken);
		assertThat(objects.status()).as(objects.toString()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		JsonNode plant = byName(objects.json().path("nodes"), "Plant");
		assertThat(plant.path("hasChildren").asBoolean()).isTrue();

		Api.Response folder = discover("browse",
				Map.of("endpointUrl", this.endpointUrl, "nodeId", plant.path("nodeId").asString()), this.engineerToken);
		assertThat(folder.status()).as(folder.toString()).isEqualTo(200);
		JsonNode furnace = byName(folder.json().path("nodes"), "Plant." + "FurnaceTemperature");
		assertThat(furnace.path("nodeId").asString())
			.isEqualTo(this.stack.plant().opcua().nodeId(OpcUaDevice.FURNACE_TEMPERATURE));
		assertThat(furnace.path("dataType").asString()).isEqualTo("Double");
		assertThat(furnace.path("channelDataType").asString()).isEqualTo("FLOAT64");
		assertThat(furnace.path("value").isNumber()).isTrue();
		assertThat(furnace.path("accessLevel").toString()).contains("CurrentRead");
	}

	@Test
	@Order(2)
	void aSearchFindsTheSignalsByNameAndTheyBecomeChannelsTheCollectorReads() throws Exception {
		Api.Response search = discover("search",
				Map.of("endpointUrl", this.endpointUrl, "query", "furnace", "maxDepth", 2), this.engineerToken);
		assertThat(search.status()).as(search.toString()).isEqualTo(200);
		this.found = search.json().path("nodes");
		assertThat(this.found).hasSize(1);
		assertThat(this.found.get(0).path("path").asString()).isEqualTo("Plant/Plant.FurnaceTemperature");

		// the nodes as search listed them, another one from the browse, picked together
		List<Object> items = new ArrayList<>();
		items.add(this.found.get(0));
		items.add(Map.of("nodeId", this.stack.plant().opcua().nodeId(OpcUaDevice.LINE_SPEED), "browseName",
				"Plant.LineSpeed", "dataType", "Double"));
		Api.Response created = Api.post(this.stack.url("admin-api", "/api/v1/io/discovery/channels"),
				this.engineerToken,
				Map.of("protocol", "OPCUA", "settings",
						Map.of("endpointUrl", this.endpointUrl, "samplingIntervalMs", 200), "channel",
						Map.of("tags", List.of("discovered")), "items", items));
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.json().path("created").asInt()).isEqualTo(2);
		List<Long> ids = new ArrayList<>();
		created.json().path("channels").forEach((channel) -> ids.add(channel.path("id").asLong()));
		assertThat(created.json().path("channels").get(0).path("name").asString())
			.isEqualTo("Plant/Plant.FurnaceTemperature");

		this.live = new LiveClient(this.stack.service("data-router").url(), this.operatorToken);
		this.live.subscribe(ids);
		await("the collector reads the discovered channels").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ids)
				.allSatisfy((id) -> assertThat(this.live.updates(id)).as("updates of %d", id).isNotEmpty()));
	}

	@Test
	@Order(3)
	void anUnknownNodeIsAProblemNamingTheNodeIdThroughBothServices() {
		Api.Response unknown = discover("browse",
				Map.of("endpointUrl", this.endpointUrl, "nodeId", "ns=2;s=NoSuchNode"), this.engineerToken);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
		assertThat(unknown.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("nodeId");
		assertThat(unknown.json().path("errors").get(0).path("message").asString()).contains("Bad_NodeIdUnknown");
	}

	@Test
	@Order(4)
	void anOperatorMayNotBrowse() {
		Api.Response refused = discover("browse", Map.of("endpointUrl", this.endpointUrl), this.operatorToken);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
	}

	private Api.Response discover(String operation, Map<String, Object> body, String token) {
		return Api.post(this.stack.url("admin-api", "/api/v1/io/discovery/opcua/" + operation), token, body);
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
