package io.parx.collector.mqtt;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a broker's channels are spread over its connections
 * ({@code connections-per-broker}).
 */
class ConnectionSpreadTests {

	@Test
	void oneConnectionTakesEveryChannel() {
		List<MqttChannel> channels = List.of(channel(1).topic("a/1").compile(), channel(2).topic("a/+").compile());

		assertThat(MqttEngine.spread(channels, 1)).containsExactly(channels);
	}

	@Test
	void channelsOfOneTopicShareAConnectionAndWildcardFiltersStayOnTheFirst() {
		List<MqttChannel> channels = new ArrayList<>();
		for (int t = 0; t < 100; t++) {
			channels.add(channel(t + 1).topic("plant/t" + t).compile());
		}
		MqttChannel sameTopic = channel(101).topic("plant/t7").compile();
		MqttChannel wildcard = channel(102).topic("plant/#").compile();
		channels.add(sameTopic);
		channels.add(wildcard);

		List<List<MqttChannel>> lanes = MqttEngine.spread(channels, 4);

		assertThat(lanes).hasSize(4).allSatisfy((lane) -> assertThat(lane).isNotEmpty());
		assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(channels.size());
		assertThat(lanes.get(0)).contains(wildcard);
		assertThat(lanes).filteredOn((lane) -> lane.contains(channels.get(7)))
			.singleElement()
			.satisfies((lane) -> assertThat(lane).contains(sameTopic));
		// The same topic lands on the same connection on every start (its session).
		assertThat(MqttEngine.spread(channels, 4)).isEqualTo(lanes);
	}

}
