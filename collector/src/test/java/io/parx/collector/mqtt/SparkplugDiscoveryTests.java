package io.parx.collector.mqtt;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.parx.collector.support.DiscoveryApi;
import io.parx.db.test.TestServices;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.parx.collector.mqtt.SparkplugEdgeNode.byAlias;
import static io.parx.collector.mqtt.SparkplugEdgeNode.declared;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/collector/discovery/sparkplug} against the real Mosquitto and an
 * edge node whose payloads Eclipse Tahu's own builder makes ({@link SparkplugEdgeNode}):
 * births declare the groups, nodes, devices and metrics (Sparkplug 3.0 §6.4.5-6.4.8), a
 * node that only sends data is asked for its births when the request says so (§6.4.6).
 */
class SparkplugDiscoveryTests extends DiscoveryApi {

	@Test
	void aRequestedRebirthListsTheNodeItsDevicesAndTheirMetricsWithTypesAndLastValues() throws Exception {
		try (SparkplugEdgeNode node = new SparkplugEdgeNode()) {
			CompletableFuture<HttpResponse<String>> discovery = discoverAsync("sparkplug",
					"{\"brokerUrl\":\"" + broker() + "\",\"groupId\":\"" + node.groupId
							+ "\",\"listenSeconds\":8,\"requestRebirth\":true}");
			Instant now = Instant.now();
			// NDATA until the discovery, subscribed, asks for a rebirth; then the births
			node.awaitHostAndBeBorn(declared("Line1/Temperature", 1, MetricDataType.Float, 21.5f, now),
					declared("Line1/Running", 2, MetricDataType.Boolean, true, now),
					declared("Line1/Count", 3, MetricDataType.Int32, 7, now));
			node.dbirth("pump1", declared("Speed", 10, MetricDataType.Double, 1450.0, now),
					declared("Mode", 11, MetricDataType.String, "AUTO", now));
			node.ddata("pump1", byAlias(10, MetricDataType.Double, 1480.0, Instant.now()));
			node.dbirth("valve", declared("Open", 20, MetricDataType.Boolean, false, now));
			node.ddeath("valve");

			HttpResponse<String> response = discovery.get(60, TimeUnit.SECONDS);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode result = json(response);
			assertThat(result.path("rebirthRequests").asInt()).isEqualTo(1);
			assertThat(node.rebirthRequests()).isEqualTo(1);
			assertThat(result.path("groups").size()).isEqualTo(1);
			JsonNode group = result.path("groups").get(0);
			assertThat(group.path("groupId").asString()).isEqualTo(node.groupId);
			JsonNode edge = group.path("edgeNodes").get(0);
			assertThat(edge.path("edgeNodeId").asString()).isEqualTo("gw");
			assertThat(edge.path("state").asString()).isEqualTo("ONLINE");
			assertThat(edge.path("rebirthRequested").asBoolean()).isTrue();
			// bdSeq pairs births with deaths; it is no plant value
			assertThat(metrics(edge)).containsExactly("Line1/Temperature 1 Float FLOAT32 21.5",
					"Line1/Running 2 Boolean BOOL true", "Line1/Count 3 Int32 INT32 7");
			JsonNode pump = device(edge, "pump1");
			assertThat(pump.path("state").asString()).isEqualTo("ONLINE");
			// Speed's last value came by alias in the DDATA after the birth
			assertThat(metrics(pump)).containsExactly("Speed 10 Double FLOAT64 1480.0", "Mode 11 String STRING AUTO");
			assertThat(device(edge, "valve").path("state").asString()).isEqualTo("OFFLINE");
		}
	}

	@Test
	void withoutRebirthANodeThatOnlySendsDataIsListedWithoutBirthAndIsNotAsked() throws Exception {
		try (SparkplugEdgeNode node = new SparkplugEdgeNode()) {
			CompletableFuture<HttpResponse<String>> discovery = discoverAsync("sparkplug",
					"{\"brokerUrl\":\"" + broker() + "\",\"groupId\":\"" + node.groupId + "\",\"listenSeconds\":3}");
			long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!discovery.isDone() && System.nanoTime() < until) {
				node.ndata(byAlias(1, MetricDataType.Float, 1.0f, Instant.now()));
				Thread.sleep(200);
			}

			HttpResponse<String> response = discovery.get(60, TimeUnit.SECONDS);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode edge = json(response).path("groups").get(0).path("edgeNodes").get(0);
			assertThat(edge.path("state").asString()).isEqualTo("NO_BIRTH");
			assertThat(edge.path("rebirthRequested").asBoolean()).isFalse();
			assertThat(edge.path("metrics").isEmpty()).isTrue();
			assertThat(node.rebirthRequests()).isZero();
		}
	}

	@Test
	void aGroupIdThatIsNoTopicLevelIsRefused() throws Exception {
		HttpResponse<String> response = discover("sparkplug",
				"{\"brokerUrl\":\"" + broker() + "\",\"groupId\":\"plant/line1\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo("groupId");
	}

	private static List<String> metrics(JsonNode place) {
		List<String> metrics = new ArrayList<>();
		place.path("metrics")
			.forEach((metric) -> metrics.add(metric.path("name").asString() + " " + metric.path("alias").asString()
					+ " " + metric.path("sparkplugType").asString() + " " + metric.path("dataType").asString() + " "
					+ metric.path("value").asString()));
		return metrics;
	}

	private static JsonNode device(JsonNode edge, String deviceId) {
		for (JsonNode device : edge.path("devices")) {
			if (device.path("deviceId").asString().equals(deviceId)) {
				return device;
			}
		}
		throw new AssertionError("no device " + deviceId + " in " + edge);
	}

	private static String broker() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		return "tcp://" + mosquitto.host() + ":" + mosquitto.port();
	}

}
