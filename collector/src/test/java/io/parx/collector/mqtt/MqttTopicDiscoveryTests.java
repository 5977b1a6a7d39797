package io.parx.collector.mqtt;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.parx.collector.support.DiscoveryApi;
import io.parx.collector.support.NotADeviceServer;
import io.parx.collector.support.RedisServerProcess;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/collector/discovery/mqtt/topics} against the real Mosquitto: a
 * publisher of the test's own sends plain and JSON payloads under a prefix of its own
 * while the discovery listens (issue #20).
 */
class MqttTopicDiscoveryTests extends DiscoveryApi {

	private final String prefix = "parx-test/" + TestServices.RUN_ID + "/discovery-"
			+ UUID.randomUUID().toString().substring(0, 8);

	private Mqtt5BlockingClient publisher;

	private final ScheduledExecutorService publishing = Executors.newSingleThreadScheduledExecutor();

	@BeforeEach
	void connect() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		this.publisher = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-test-pub-" + UUID.randomUUID().toString().substring(0, 8))
			.serverHost(mosquitto.host())
			.serverPort(mosquitto.port())
			.buildBlocking();
		this.publisher.connect();
	}

	@AfterEach
	void disconnect() throws InterruptedException {
		this.publishing.shutdownNow();
		this.publishing.awaitTermination(5, TimeUnit.SECONDS);
		this.publisher.disconnect();
	}

	@Test
	void plainAndJsonTopicsAreListedWithTheirFormatAndTheJsonLeavesPointers() throws Exception {
		// what a plant broker carries: single values and a gateway's JSON record
		Map<String, String> payloads = Map.of("/line1/temperature", "21.5", "/line1/running", "true", "/line1/name",
				"Pump A", "/gw/record",
				"{\"data\":{\"value\":12.5,\"ok\":false,\"unit\":\"degC\",\"a/b\":3},\"ts\":1700000000000,"
						+ "\"list\":[7,null]}");
		publishEvery(Duration.ofMillis(100), payloads);

		HttpResponse<String> response = discover("mqtt/topics",
				"{\"brokerUrl\":\"" + broker() + "\",\"topicFilter\":\"" + this.prefix + "/#\",\"listenSeconds\":2}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("topicCount").asInt()).isEqualTo(4);
		assertThat(result.path("truncated").asBoolean()).isFalse();
		assertThat(result.path("listenedMs").asLong()).isBetween(1900L, 6000L);
		JsonNode temperature = topic(result, "/line1/temperature");
		assertThat(temperature.path("payloadFormat").asString()).isEqualTo("NUMBER");
		assertThat(temperature.path("payload").asString()).isEqualTo("21.5");
		assertThat(temperature.path("messages").asLong()).isGreaterThan(1);
		assertThat(topic(result, "/line1/running").path("payloadFormat").asString()).isEqualTo("BOOLEAN");
		assertThat(topic(result, "/line1/name").path("payloadFormat").asString()).isEqualTo("STRING");
		JsonNode record = topic(result, "/gw/record");
		assertThat(record.path("payloadFormat").asString()).isEqualTo("JSON");
		List<String> leaves = new ArrayList<>();
		record.path("leaves")
			.forEach((leaf) -> leaves.add(leaf.path("pointer").asString() + " " + leaf.path("type").asString() + " "
					+ leaf.path("value").asString()));
		// RFC 6901: the "/" inside a key is written ~1; null leaves are no channel value
		assertThat(leaves).containsExactly("/data/value NUMBER 12.5", "/data/ok BOOLEAN false",
				"/data/unit STRING degC", "/data/a~1b NUMBER 3", "/ts NUMBER 1700000000000", "/list/0 NUMBER 7");
	}

	@Test
	void aHashFilterOnABusyBrokerListsAtMostMaxTopicsAndAnswersWithinItsWindow() throws Exception {
		// 500 topics, 5,000 messages a second: the discovery keeps 10 topics and counts
		// the rest, and answers after its window, not after the broker falls quiet
		this.publishing.scheduleAtFixedRate(() -> {
			for (int i = 0; i < 500; i++) {
				this.publisher.publishWith()
					.topic(this.prefix + "/busy/" + i)
					.qos(MqttQos.AT_MOST_ONCE)
					.payload(("{\"v\":" + i + "}").getBytes(StandardCharsets.UTF_8))
					.send();
			}
		}, 0, 100, TimeUnit.MILLISECONDS);

		long start = System.nanoTime();
		HttpResponse<String> response = discover("mqtt/topics",
				"{\"brokerUrl\":\"" + broker() + "\",\"topicFilter\":\"#\",\"listenSeconds\":2,\"maxTopics\":10}");
		long tookMs = (System.nanoTime() - start) / 1_000_000;

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("topicFilter").asString()).isEqualTo("#");
		assertThat(result.path("topics").size()).isEqualTo(10);
		assertThat(result.path("truncated").asBoolean()).isTrue();
		assertThat(result.path("unlistedMessages").asLong()).isPositive();
		assertThat(result.path("messages").asLong()).isGreaterThan(result.path("unlistedMessages").asLong());
		// within its time limit (window, connect and subscribe) whatever the broker
		// sends;
		// about 2.3 s when the machine is idle
		assertThat(tookMs).isLessThan(2_000 + MqttDiscoveryController.ANSWER_TIMEOUT.toMillis() * 2 + 1_000);
		System.out.println("# discovery: " + result.path("messages").asLong() + " messages in "
				+ result.path("listenedMs").asLong() + " ms, answered after " + tookMs + " ms");
	}

	@Test
	void aChannelOnTheSameBrokerKeepsReceivingWhileAHashDiscoveryListens() throws Exception {
		// the discovery has a client, session and event loop of its own: the running
		// connection neither reconnects nor stalls while # floods the discovery
		long id = save("discovery-neighbour-" + UUID.randomUUID().toString().substring(0, 8), "FLOAT64", "MQTT",
				"{\"brokerUrl\":\"" + broker() + "\",\"topic\":\"" + this.prefix
						+ "/live\",\"payloadFormat\":\"NUMBER\",\"qos\":0}");
		AtomicLong counter = new AtomicLong();
		this.publishing.scheduleAtFixedRate(() -> {
			this.publisher.publishWith()
				.topic(this.prefix + "/live")
				.qos(MqttQos.AT_MOST_ONCE)
				.payload(Long.toString(counter.incrementAndGet()).getBytes(StandardCharsets.UTF_8))
				.send();
			for (int i = 0; i < 200; i++) {
				this.publisher.publishWith()
					.topic(this.prefix + "/noise/" + i)
					.qos(MqttQos.AT_MOST_ONCE)
					.payload("1".getBytes(StandardCharsets.UTF_8))
					.send();
			}
		}, 0, 100, TimeUnit.MILLISECONDS);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> channelStatus("MQTT", id).map((channel) -> channel.path("lastValue").asDouble()).orElse(0.0),
					(value) -> value > 0);

		CompletableFuture<HttpResponse<String>> discovery = discoverAsync("mqtt/topics",
				"{\"brokerUrl\":\"" + broker() + "\",\"listenSeconds\":3,\"maxTopics\":50}");
		List<Double> seen = new ArrayList<>();
		while (!discovery.isDone()) {
			channelStatus("MQTT", id).ifPresent((channel) -> seen.add(channel.path("lastValue").asDouble()));
			Thread.sleep(500);
		}

		assertThat(discovery.get().statusCode()).as(discovery.get().body()).isEqualTo(200);
		// the value rose throughout the window (about 10 messages between two looks)
		assertThat(seen).hasSizeGreaterThanOrEqualTo(4).isSorted();
		assertThat(seen.getLast() - seen.getFirst()).isGreaterThan(15);
		JsonNode connection = connection(broker());
		assertThat(connection.path("state").asString()).isEqualTo("CONNECTED");
		assertThat(connection.path("reconnectAttempts").asLong()).isZero();
		delete(id);
	}

	@Test
	void aBrokerThatCannotBeReachedIsA502NamingIt() throws Exception {
		String url = "tcp://127.0.0.1:" + RedisServerProcess.freePort();
		HttpResponse<String> response = discover("mqtt/topics", "{\"brokerUrl\":\"" + url + "\"}");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.path("type").asString()).isEqualTo("/problems/discovery-failed");
		assertThat(problem.path("detail").asString()).contains(url);
	}

	@Test
	void aServerThatNeverAnswersConnectIsA504WithinTheAnswerTimeout() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			long start = System.nanoTime();
			HttpResponse<String> response = discover("mqtt/topics",
					"{\"brokerUrl\":\"tcp://127.0.0.1:" + silent.port() + "\",\"listenSeconds\":1}");
			long tookMs = (System.nanoTime() - start) / 1_000_000;

			assertThat(response.statusCode()).isEqualTo(504);
			assertThat(json(response).path("type").asString()).isEqualTo("/problems/device-timeout");
			assertThat(json(response).path("detail").asString()).contains("CONNACK");
			assertThat(tookMs).isLessThan(MqttDiscoveryController.ANSWER_TIMEOUT.toMillis() + 5_000);
		}
	}

	@Test
	void badSettingsAreRefusedNamingEachField() throws Exception {
		HttpResponse<String> response = discover("mqtt/topics",
				"{\"brokerUrl\":\"http://plant\",\"topicFilter\":\"a/#/b\",\"listenSeconds\":1}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(fields(json(response))).containsExactlyInAnyOrder("brokerUrl", "topicFilter");

		HttpResponse<String> bounds = discover("mqtt/topics",
				"{\"brokerUrl\":\"" + broker() + "\",\"listenSeconds\":31,\"maxTopics\":1001}");
		assertThat(bounds.statusCode()).isEqualTo(400);
		assertThat(fields(json(bounds))).containsExactlyInAnyOrder("listenSeconds", "maxTopics");

		HttpResponse<String> missing = discover("mqtt/topics", "{}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(fields(json(missing))).containsExactly("brokerUrl");
	}

	/** The collector's MQTT connection to the broker, from the status API. */
	private JsonNode connection(String url) throws Exception {
		JsonNode status = collectorStatus();
		for (JsonNode connection : status.path("engines").path("MQTT").path("connections")) {
			if (connection.path("key").asString().startsWith(url)) {
				return connection;
			}
		}
		throw new AssertionError("no MQTT connection to " + url + " in " + status);
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private JsonNode topic(JsonNode result, String suffix) {
		for (JsonNode topic : result.path("topics")) {
			if (topic.path("topic").asString().equals(this.prefix + suffix)) {
				return topic;
			}
		}
		throw new AssertionError("no topic " + this.prefix + suffix + " in " + result);
	}

	private void publishEvery(Duration period, Map<String, String> payloads) {
		this.publishing.scheduleAtFixedRate(() -> payloads.forEach((suffix, payload) -> this.publisher.publishWith()
			.topic(this.prefix + suffix)
			.qos(MqttQos.AT_MOST_ONCE)
			.payload(payload.getBytes(StandardCharsets.UTF_8))
			.send()), 0, period.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static String broker() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		return "tcp://" + mosquitto.host() + ":" + mosquitto.port();
	}

}
