package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;

import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.parx.collector.mqtt.MqttPayloadParser.Payload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher's per-topic sequence numbers make loss before the collector visible (issue
 * 22: the stock broker dropped messages and only its own log said so).
 */
class SequenceWatchTests {

	private static final MqttBrokerSettings BY_PROPERTY = new MqttBrokerSettings("tcp://b:1883", null, null, "seq",
			null);

	private static final MqttBrokerSettings BY_POINTER = new MqttBrokerSettings("tcp://b:1883", null, null, null, "/n");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SequenceWatch watch = new SequenceWatch(this.registry);

	@Test
	void missingNumbersInAUserPropertyCountAsGapsPerTopic() {
		for (long n : new long[] { 1, 2, 5, 6 }) {
			observe(BY_PROPERTY, property("a", n), "1");
		}
		// Another topic keeps its own count: its first number is no gap.
		observe(BY_PROPERTY, property("b", 40), "1");
		observe(BY_PROPERTY, property("b", 41), "1");

		assertThat(count("parx.collector.mqtt.sequence.gaps")).isEqualTo(2);
		assertThat(count("parx.collector.mqtt.sequence.out.of.order")).isZero();
	}

	@Test
	void aRedeliveredNumberCountsAsOutOfOrderAndNotAsAGapAndARestartedCountIsNeither() {
		// At least once: after a reconnect the broker sends again what was not
		// acknowledged. A publisher that restarts begins again at 1.
		for (long n : new long[] { 1, 2, 3, 2, 3, 4, 1, 2 }) {
			observe(BY_PROPERTY, property("a", n), "1");
		}

		assertThat(count("parx.collector.mqtt.sequence.gaps")).isZero();
		assertThat(count("parx.collector.mqtt.sequence.out.of.order")).isEqualTo(2);
	}

	@Test
	void theNumberCanComeFromTheJsonPayloadAndMessagesWithoutOneAreIgnored() {
		Mqtt5Publish plain = Mqtt5Publish.builder().topic("a").build();
		observe(BY_POINTER, plain, "{\"v\":1,\"n\":7}");
		observe(BY_POINTER, plain, "{\"v\":1,\"n\":\"10\"}");
		observe(BY_POINTER, plain, "not json");
		observe(BY_POINTER, plain, "{\"v\":1}");
		observe(BY_PROPERTY, plain, "1");

		assertThat(count("parx.collector.mqtt.sequence.gaps")).isEqualTo(2);
	}

	private void observe(MqttBrokerSettings broker, Mqtt5Publish publish, String payload) {
		this.watch.observe(broker, publish, new Payload(payload.getBytes(StandardCharsets.UTF_8)));
	}

	private static Mqtt5Publish property(String topic, long sequence) {
		return Mqtt5Publish.builder()
			.topic(topic)
			.userProperties(Mqtt5UserProperties
				.of(com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty.of("seq", Long.toString(sequence))))
			.build();
	}

	private double count(String name) {
		return this.registry.get(name).counter().count();
	}

}
