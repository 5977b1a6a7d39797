package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverlapFilterTests {

	private final OverlapFilter overlap = new OverlapFilter();

	private final List<MqttTopicFilter> filters = List.of(MqttTopicFilter.of("plant/+/temp"),
			MqttTopicFilter.of("plant/hall/#"), MqttTopicFilter.of("other/#"));

	@Test
	void secondCopyOfAMessageMatchingTwoSubscriptionsIsDropped() {
		assertThat(isCopy("plant/hall/temp", "1")).isFalse();
		assertThat(isCopy("plant/hall/temp", "1")).isTrue();
	}

	@Test
	void repeatedValueOnATopicWithOneSubscriptionIsNotACopy() {
		// a sensor that publishes the same value twice produced two readings
		assertThat(isCopy("plant/yard/temp", "1")).isFalse();
		assertThat(isCopy("plant/yard/temp", "1")).isFalse();
	}

	@Test
	void afterTheExpectedCopiesTheSameValueCountsAgain() {
		assertThat(isCopy("plant/hall/temp", "1")).isFalse();
		assertThat(isCopy("plant/hall/temp", "1")).isTrue();
		assertThat(isCopy("plant/hall/temp", "1")).isFalse();
	}

	@Test
	void aDifferentPayloadIsANewMessageEvenWhileACopyIsExpected() {
		// the broker may have delivered only one copy (it is allowed to)
		assertThat(isCopy("plant/hall/temp", "1")).isFalse();
		assertThat(isCopy("plant/hall/temp", "2")).isFalse();
		assertThat(isCopy("plant/hall/temp", "2")).isTrue();
	}

	private boolean isCopy(String topic, String payload) {
		MqttTopic parsed = MqttTopic.of(topic);
		int matching = (int) this.filters.stream().filter((filter) -> filter.matches(parsed)).count();
		return this.overlap.isCopy(parsed, payload.getBytes(StandardCharsets.UTF_8), matching);
	}

}
