package io.parx.collector.mqtt;

import java.util.List;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import org.junit.jupiter.api.Test;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;

class TopicIndexTests {

	private final MqttChannel hallTemp = channel(1).topic("plant/hall/temp").compile();

	private final MqttChannel hallTempAgain = channel(2).topic("plant/hall/temp").compile();

	private final MqttChannel hallPressure = channel(3).topic("plant/hall/pressure").compile();

	private final MqttChannel anyTemp = channel(4).topic("plant/+/temp").compile();

	private final MqttChannel everything = channel(5).topic("#").compile();

	@Test
	void aMessageReachesOnlyTheChannelsOfItsExactTopic() {
		TopicIndex index = TopicIndex.of(List.of(this.hallTemp, this.hallTempAgain, this.hallPressure));

		assertThat(index.channels(MqttTopic.of("plant/hall/temp"))).containsExactly(this.hallTemp, this.hallTempAgain);
		assertThat(index.channels(MqttTopic.of("plant/hall/humidity"))).isEmpty();
		// Topic names are case-sensitive (MQTT 5 §4.7.3).
		assertThat(index.channels(MqttTopic.of("plant/hall/Temp"))).isEmpty();
	}

	@Test
	void wildcardFiltersStillMatchBesideExactTopics() {
		TopicIndex index = TopicIndex.of(List.of(this.hallTemp, this.hallPressure, this.anyTemp));

		assertThat(index.channels(MqttTopic.of("plant/hall/temp"))).containsExactlyInAnyOrder(this.hallTemp,
				this.anyTemp);
		assertThat(index.channels(MqttTopic.of("plant/yard/temp"))).containsExactly(this.anyTemp);
		assertThat(index.channels(MqttTopic.of("plant/hall/pressure"))).containsExactly(this.hallPressure);
	}

	@Test
	void countsEachMatchingSubscriptionOnceForTheBrokersExtraCopies() {
		// Two channels on one topic are one subscription; the broker sends one copy per
		// matching subscription (MQTT 5 §3.3.4), which OverlapFilter drops.
		TopicIndex index = TopicIndex.of(List.of(this.hallTemp, this.hallTempAgain, this.anyTemp, this.everything));

		assertThat(index.matchingFilters(MqttTopic.of("plant/hall/temp"))).isEqualTo(3);
		assertThat(index.matchingFilters(MqttTopic.of("plant/yard/temp"))).isEqualTo(2);
		assertThat(index.matchingFilters(MqttTopic.of("office/temp"))).isEqualTo(1);
	}

	@Test
	void aTopicOutsideTheNamingConventionIsFoundByItsExactFilter() {
		// $-topics are a broker's own (MQTT 5 §4.7.2); a channel may still name one.
		MqttChannel uptime = channel(6).topic("$SYS/broker/uptime").compile();
		TopicIndex index = TopicIndex.of(List.of(uptime, this.hallTemp));

		assertThat(index.channels(MqttTopic.of("$SYS/broker/uptime"))).containsExactly(uptime);
	}

	@Test
	void aSharedSubscriptionMatchesTheTopicsOfItsFilter() {
		MqttChannel shared = channel(7).topic("$share/parx/plant/hall/temp").compile();
		TopicIndex index = TopicIndex.of(List.of(shared));

		assertThat(index.channels(MqttTopic.of("plant/hall/temp"))).containsExactly(shared);
	}

}
