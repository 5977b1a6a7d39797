package io.parx.collector.mqtt;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.parx.collector.support.ChannelWriteApi;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes through {@code POST /api/v1/collector/write} to the real Mosquitto: the value is
 * published to the channel's {@code writeTopic} in its payload format, and a subscriber
 * receives it.
 */
class MqttWriteApiTests extends ChannelWriteApi {

	private String base;

	private Mqtt5BlockingClient subscriber;

	private Mqtt5Publishes publishes;

	@BeforeEach
	void subscribe() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		this.base = "parx-test/" + TestServices.RUN_ID + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.subscriber = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-test-sub-" + UUID.randomUUID().toString().substring(0, 8))
			.serverHost(mosquitto.host())
			.serverPort(mosquitto.port())
			.buildBlocking();
		this.subscriber.connect();
		this.publishes = this.subscriber.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL);
		this.subscriber.subscribeWith().topicFilter(this.base + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
	}

	@AfterEach
	void disconnect() {
		this.publishes.close();
		this.subscriber.disconnect();
	}

	@Test
	void aWritePublishesTheValueToTheWriteTopicInThePayloadFormat() throws Exception {
		// scale 0.5: 21 on the plant is 42 on the wire; an INT32 is sent as a whole
		// number
		String number = channel(1, "INT32", 0.5, 0, "MQTT", settings("NUMBER", null, "/sp/set"));
		HttpResponse<String> response = write("ENGINEER", number, "21");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("qualityName").asString()).isEqualTo("Good");
		assertThat(result.path("written").asDouble()).isEqualTo(21.0);
		// an MQTT read waits for the next message: a write does not read back
		assertThat(result.path("readBack").isNull()).isTrue();
		assertReceived(this.base + "/sp/set", "42");

		String json = channel(2, "FLOAT64", 1, 0, "MQTT", settings("JSON", "/data/value", "/json/set"));
		assertThat(write("ENGINEER", json, "12.5").statusCode()).isEqualTo(200);
		assertReceived(this.base + "/json/set", "{\"data\":{\"value\":12.5}}");

		String bool = channel(3, "BOOL", 1, 0, "MQTT", settings("BOOLEAN", null, "/pump/set"));
		assertThat(write("ADMIN", bool, "true").statusCode()).isEqualTo(200);
		assertReceived(this.base + "/pump/set", "true");
	}

	@Test
	void anOperatorWritesARunningOperatorWritableChannelAndTheAuditGetsItsLastValue() throws Exception {
		// the channel reads a topic outside the subscriber's filter, so only the write
		// arrives there
		String settings = settings("NUMBER", null, "/op/set").replace(this.base + "/value", this.base + "-in/value")
			.replace("}", ",\"operatorWritable\":true}");
		long id = save("mqtt-write-" + UUID.randomUUID().toString().substring(0, 8), "FLOAT64", "MQTT", settings);
		awaitRunning(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.subscriber.publishWith()
				.topic(this.base + "-in/value")
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload("7.5".getBytes(StandardCharsets.UTF_8))
				.send();
			return channelStatus("MQTT", id).map((status) -> status.path("lastValue").asDouble()).orElse(0.0) == 7.5;
		});
		HttpResponse<String> response = write("OPERATOR",
				channel(id, "FLOAT64", 1, 0, "MQTT", settings("NUMBER", null, "/forged")), "8");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("previous").asDouble()).isEqualTo(7.5);
		// the collector's own settings decide where the value goes, not the ones sent
		assertReceived(this.base + "/op/set", "8");
		delete(id);
	}

	@Test
	void aRefusedWritePublishesNothing() throws Exception {
		String limited = channel(1, "FLOAT64", 1, 0, "MQTT",
				settings("NUMBER", null, "/limited/set").replace("}", ",\"writeMax\":10}"));
		HttpResponse<String> response = write("ENGINEER", limited, "11");
		assertThat(response.statusCode()).isEqualTo(400);
		HttpResponse<String> operator = write("OPERATOR", limited, "5");
		assertThat(operator.statusCode()).isEqualTo(403);
		assertThat(this.publishes.receive(1, TimeUnit.SECONDS)).isEmpty();
	}

	private void assertReceived(String topic, String payload) throws InterruptedException {
		Mqtt5Publish publish = this.publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
		assertThat(publish.getTopic().toString()).isEqualTo(topic);
		assertThat(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo(payload);
	}

	private String settings(String format, String valuePointer, String writeTopic) {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		return "{\"brokerUrl\":\"" + mosquitto.serverUri() + "\",\"topic\":\"" + this.base + "/value\","
				+ "\"payloadFormat\":\"" + format + "\","
				+ ((valuePointer != null) ? "\"valuePointer\":\"" + valuePointer + "\"," : "") + "\"writeTopic\":\""
				+ this.base + writeTopic + "\",\"writable\":true}";
	}

}
