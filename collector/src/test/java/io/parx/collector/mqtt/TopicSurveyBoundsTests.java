package io.parx.collector.mqtt;

import io.parx.common.discovery.TopicSurveyResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.junit.jupiter.api.Test;

import io.parx.common.discovery.TopicSurveyResult.TopicSeen;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the topic discovery keeps of a busy broker (issue #20): a bounded number of topics
 * and bytes, whatever arrives.
 */
class TopicSurveyBoundsTests {

	@Test
	void topicsBeyondMaxTopicsAreCountedNotKept() {
		TopicSurvey survey = new TopicSurvey(3, 1_000_000);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 10; i++) {
				survey.accept(publish("plant/" + i, "1"));
			}
		}

		TopicSurveyResult result = survey.result("#", Duration.ofSeconds(1));

		assertThat(result.topics()).extracting(TopicSeen::topic).containsExactly("plant/0", "plant/1", "plant/2");
		assertThat(result.topics()).allSatisfy((topic) -> assertThat(topic.messages()).isEqualTo(2));
		assertThat(result.messages()).isEqualTo(20);
		assertThat(result.unlistedMessages()).isEqualTo(14);
		assertThat(result.truncated()).isTrue();
	}

	@Test
	void payloadsBeyondTheByteBudgetAreListedButNotInspected() {
		// 3 payloads of 4,000 bytes in a budget of 10,000: the third is kept only to show
		// it, and a later, smaller payload of the first topic frees room again
		TopicSurvey survey = new TopicSurvey(10, 10_000);
		String big = "{\"v\":\"" + "x".repeat(3990) + "\"}";
		survey.accept(publish("a", big));
		survey.accept(publish("b", big));
		survey.accept(publish("c", big));

		TopicSurveyResult result = survey.result("#", Duration.ofSeconds(1));

		assertThat(result.topics().get(0).payloadFormat()).isEqualTo(PayloadFormat.JSON);
		assertThat(result.topics().get(1).payloadFormat()).isEqualTo(PayloadFormat.JSON);
		TopicSeen third = result.topics().get(2);
		assertThat(third.payloadFormat()).isNull();
		assertThat(third.note()).contains("10000 bytes");
		assertThat(third.payloadBytes()).isEqualTo(big.length());
		assertThat(third.payload()).hasSize(PayloadInspector.MAX_SHOWN_CHARS);
		assertThat(third.payloadTruncated()).isTrue();

		survey.accept(publish("a", "1"));
		survey.accept(publish("c", big));
		assertThat(survey.result("#", Duration.ofSeconds(1)).topics().get(2).payloadFormat())
			.isEqualTo(PayloadFormat.JSON);
	}

	private static Mqtt5Publish publish(String topic, String payload) {
		return Mqtt5Publish.builder().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).build();
	}

}
