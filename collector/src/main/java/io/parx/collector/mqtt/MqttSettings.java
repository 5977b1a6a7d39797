package io.parx.collector.mqtt;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MQTT engine that are not per channel (the per-channel ones live in the
 * channel's {@code settings} JSON, see {@link MqttChannel}).
 *
 * @param sessionExpiry how long the broker keeps the collector's session, and queues QoS
 * 1/2 messages for it, while the collector is away (MQTT 5 §3.1.2.11.2)
 * @param keepAlive keep-alive interval sent in CONNECT
 * @param reconnectInitialDelay first delay of the automatic reconnect backoff
 * @param reconnectMaxDelay longest delay of the automatic reconnect backoff
 * @param clientIdPrefix prefix of the client id derived when a channel sets none
 * @param trustStore trust store (PKCS#12 or JKS) with the CA or broker certificates for
 * {@code ssl://} brokers; {@code null} for the JVM's default trust
 * @param trustStorePassword password of the trust store, if it has one
 */
@ConfigurationProperties("parx.collector.mqtt")
public record MqttSettings(@DefaultValue("1d") Duration sessionExpiry, @DefaultValue("30s") Duration keepAlive,
		@DefaultValue("1s") Duration reconnectInitialDelay, @DefaultValue("30s") Duration reconnectMaxDelay,
		@DefaultValue("parx") String clientIdPrefix, Path trustStore, String trustStorePassword) {

	public MqttSettings {
		if (sessionExpiry == null || sessionExpiry.isNegative() || sessionExpiry.isZero()) {
			throw new IllegalArgumentException("sessionExpiry must be positive so QoS 1/2 messages survive an outage");
		}
		if (keepAlive == null || keepAlive.isNegative()) {
			throw new IllegalArgumentException("keepAlive must not be negative");
		}
		if (reconnectInitialDelay == null || reconnectMaxDelay == null
				|| reconnectInitialDelay.compareTo(reconnectMaxDelay) > 0) {
			throw new IllegalArgumentException("reconnectInitialDelay must not exceed reconnectMaxDelay");
		}
		if (clientIdPrefix == null || clientIdPrefix.isBlank()) {
			throw new IllegalArgumentException("clientIdPrefix must not be blank");
		}
	}

	/** The defaults, for code that runs without Spring (tests, tools). */
	public static MqttSettings defaults() {
		return new MqttSettings(Duration.ofDays(1), Duration.ofSeconds(30), Duration.ofSeconds(1),
				Duration.ofSeconds(30), "parx", null, null);
	}

}
