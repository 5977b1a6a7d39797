package io.parx.collector.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;

import io.parx.collector.channels.ApiSavedConfigs;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;
import io.parx.common.config.channel.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An MQTT channel saved through the admin-api with only its required settings is read
 * with the contract's defaults.
 */
class ApiSavedMqttChannelTests {

	@Test
	void theStoredDocumentIsReadWithTheContractsDefaults() {
		MqttChannel channel = MqttChannel.of(ApiSavedConfigs.stored(1, Protocol.MQTT));
		assertThat(channel.topicFilter().toString()).isEqualTo("plant/line1/temp");
		assertThat(channel.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
		assertThat(channel.format()).isEqualTo(PayloadFormat.NUMBER);
		assertThat(channel.valuePointer()).isEqualTo(JsonPointer.empty());
		assertThat(channel.timestampPointer()).isNull();
	}

	@Test
	void theBrokerIsReachedWithoutTlsOnTheUrlsPort() {
		MqttBroker broker = MqttBroker.of(ApiSavedConfigs.stored(1, Protocol.MQTT), MqttSettings.defaults(),
				MqttChannelFixture.INSTALLATION);
		assertThat(broker.host()).isEqualTo("broker");
		assertThat(broker.port()).isEqualTo(1883);
		assertThat(broker.tls()).isFalse();
		assertThat(broker.simpleAuth()).isNull();
	}

}
