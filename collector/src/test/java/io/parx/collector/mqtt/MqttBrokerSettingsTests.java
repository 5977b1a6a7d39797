package io.parx.collector.mqtt;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Per-broker settings ({@code parx.collector.mqtt.brokers[i]}): a plant's busy broker
 * gets its own window and connections, the others keep the engine's defaults.
 */
class MqttBrokerSettingsTests {

	@Test
	void aBrokerListedByUrlOverridesTheDefaultsAndOthersKeepThem() {
		MqttSettings settings = bind(Map.of("parx.collector.mqtt.receive-maximum", "20000",
				"parx.collector.mqtt.brokers[0].url", "tcp://busy:1883", "parx.collector.mqtt.brokers[0].connections",
				"4", "parx.collector.mqtt.brokers[0].sequence-property", "seq"));

		MqttBrokerSettings busy = settings.broker(" TCP://busy:1883 ");
		assertThat(busy.receiveMaximum()).isEqualTo(20_000);
		assertThat(busy.connections()).isEqualTo(4);
		assertThat(busy.sequenceProperty()).isEqualTo("seq");
		MqttBrokerSettings quiet = settings.broker("tcp://quiet:1883");
		assertThat(quiet.receiveMaximum()).isEqualTo(20_000);
		assertThat(quiet.connections()).isEqualTo(8);
		assertThat(quiet.sequenceProperty()).isNull();
	}

	@Test
	void aBrokerEntryWithAnImpossibleValueIsRejectedNamingIt() {
		assertThatThrownBy(() -> new MqttBrokerSettings("tcp://b:1883", 65_535, null, null, null))
			.hasMessageContaining("receiveMaximum");
		assertThatThrownBy(() -> new MqttBrokerSettings("tcp://b:1883", null, 0, null, null))
			.hasMessageContaining("connections");
		assertThatThrownBy(() -> new MqttBrokerSettings(" ", null, null, null, null)).hasMessageContaining("url");
		assertThatThrownBy(() -> new MqttBrokerSettings("tcp://b:1883", null, null, "seq", "/n"))
			.hasMessageContaining("one source only");
		assertThatThrownBy(() -> new MqttBrokerSettings("tcp://b:1883", null, null, null, "n"))
			.hasMessageContaining("sequence-pointer");
	}

	private static MqttSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bind("parx.collector.mqtt", MqttSettings.class)
			.get();
	}

}
