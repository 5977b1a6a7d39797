package io.parx.collector.mqtt;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;

/**
 * Builds HiveMQ MQTT 5 clients for a broker: address, TLS with the configured trust store
 * (host name verified against the certificate), and credentials.
 */
final class MqttClients {

	private MqttClients() {
	}

	static Mqtt5ClientBuilder builder(MqttBroker broker, MqttSettings settings, String clientId) {
		Mqtt5ClientBuilder builder = MqttClient.builder()
			.useMqttVersion5()
			.identifier(clientId)
			.serverHost(broker.host())
			.serverPort(broker.port())
			.simpleAuth(broker.simpleAuth());
		if (broker.tls()) {
			builder = builder.sslConfig(sslConfig(settings));
		}
		return builder;
	}

	private static MqttClientSslConfig sslConfig(MqttSettings settings) {
		if (settings.trustStore() == null) {
			return MqttClientSslConfig.builder().build();
		}
		try {
			char[] password = (settings.trustStorePassword() != null) ? settings.trustStorePassword().toCharArray()
					: null;
			KeyStore store = KeyStore.getInstance(settings.trustStore().toFile(), password);
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return MqttClientSslConfig.builder().trustManagerFactory(factory).build();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(
					"MQTT trust store " + settings.trustStore() + " cannot be read: " + ex.getMessage(), ex);
		}
	}

}
