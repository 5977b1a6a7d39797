package io.parx.collector.mqtt;

import io.parx.common.config.channel.MqttSettings.PayloadFormat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import org.junit.jupiter.api.Test;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MqttChannelSettingsTests {

	private static final MqttSettings SETTINGS = MqttSettings.defaults();

	@Test
	void settingsAreReadWithQos1AndNumberAsDefaults() {
		MqttChannel channel = channel(1).topic("plant/+/temp").without("qos").without("payloadFormat").compile();
		assertThat(channel.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
		assertThat(channel.format()).isEqualTo(PayloadFormat.NUMBER);
		assertThat(channel.timestampPointer()).isNull();
	}

	@Test
	void invalidSettingsAreRejectedWithTheFieldName() {
		assertThatIllegalArgumentException().isThrownBy(() -> channel(1).without("topic").compile())
			.withMessage("topic is required");
		assertThatIllegalArgumentException().isThrownBy(() -> channel(1).topic("a/#/b").compile())
			.withMessageStartingWith("topic '#' must be a whole level");
		assertThatIllegalArgumentException().isThrownBy(() -> channel(1).topic("a").qos(3).compile())
			.withMessageStartingWith("qos must be between 0 and 2");
		assertThatIllegalArgumentException().isThrownBy(() -> channel(1).topic("a").format("XML").compile())
			.withMessageStartingWith("payloadFormat must be one of");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> channel(1).topic("a").format("JSON").valuePointer("temp").compile())
			.withMessageStartingWith("valuePointer must be a JSON Pointer");
	}

	@Test
	void brokerUrlDecidesTlsAndDefaultPort() {
		MqttBroker plain = MqttBroker.of(channel(1).broker("tcp://broker.local").topic("a").build(), SETTINGS,
				MqttChannelFixture.INSTALLATION);
		MqttBroker tls = MqttBroker.of(channel(1).broker("ssl://broker.local").topic("a").build(), SETTINGS,
				MqttChannelFixture.INSTALLATION);
		assertThat(plain.tls()).isFalse();
		assertThat(plain.port()).isEqualTo(1883);
		assertThat(tls.tls()).isTrue();
		assertThat(tls.port()).isEqualTo(8883);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MqttBroker.of(channel(1).broker("http://broker.local").topic("a").build(), SETTINGS,
					MqttChannelFixture.INSTALLATION))
			.withMessageContaining("tcp://host:port or ssl://host:port");
	}

	@Test
	void derivedClientIdIsStableSoTheBrokerCanResumeTheSession() {
		// MQTT 5 §3.1.2.4: a session is resumed only for the same client identifier.
		MqttBroker first = MqttBroker.of(channel(1).topic("a").build(), SETTINGS, MqttChannelFixture.INSTALLATION);
		MqttBroker again = MqttBroker.of(channel(2).topic("b").build(), SETTINGS, MqttChannelFixture.INSTALLATION);
		MqttBroker otherUser = MqttBroker.of(channel(3).topic("a").setting("username", "bob").build(), SETTINGS,
				MqttChannelFixture.INSTALLATION);
		assertThat(first.clientId()).isEqualTo(again.clientId()).startsWith("parx-").hasSizeLessThanOrEqualTo(23);
		assertThat(first).isEqualTo(again);
		assertThat(otherUser.clientId()).isNotEqualTo(first.clientId());
	}

	@Test
	void brokerDescriptionNeverShowsThePassword() {
		MqttBroker broker = MqttBroker.of(
				channel(1).topic("a").setting("username", "bob").setting("password", "s3cret").build(), SETTINGS,
				MqttChannelFixture.INSTALLATION);
		assertThat(broker.toString()).doesNotContain("s3cret");
		assertThat(broker.key()).doesNotContain("s3cret");
		assertThat(broker.simpleAuth()).isNotNull();
	}

}
