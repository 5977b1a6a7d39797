package io.parx.collector.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MQTT engine that are not per channel (the per-channel ones live in the
 * channel's {@code settings} JSON, see {@link MqttChannel}).
 *
 * @param sessionExpiry how long the broker keeps the collector's session, and queues QoS
 * 1/2 messages for it, while the collector is away (MQTT 5 §3.1.2.11.2)
 * @param keepAlive keep-alive interval sent in CONNECT
 * @param reconnectInitialDelay first delay of the automatic reconnect backoff; short,
 * because while the session is offline Mosquitto queues only {@code max_queued_messages}
 * for it, counting the messages that were in flight when the connection dropped, and
 * drops every further message until the collector is back
 * @param reconnectMaxDelay longest delay of the automatic reconnect backoff
 * @param clientIdPrefix prefix of the client id derived when a channel sets none
 * @param trustStore trust store (PKCS#12 or JKS) with the CA or broker certificates for
 * {@code ssl://} brokers; {@code null} for the JVM's default trust
 * @param trustStorePassword password of the trust store, if it has one
 * @param receiveMaximum MQTT 5 Receive Maximum sent in CONNECT: how many QoS 1/2 messages
 * the broker may send this client before it has to wait for acknowledgements.
 * Acknowledgements wait until a message is durable, so the window must cover the messages
 * that arrive during one durable step; without the property Mosquitto falls back to its
 * {@code max_inflight_messages} (20). The highest value by default: Mosquitto 2.0.11
 * drops a session's messages once in flight plus queued exceed Receive Maximum +
 * {@code max_queued_messages} (1,000 stock), and what it has written but the collector
 * not yet read counts as in flight, so the window is also the room a stock broker gives a
 * collector that falls behind for a moment
 * @param connectionsPerBroker client connections per broker; channels are spread over
 * them by topic (exact topics by a hash of the topic, wildcard filters all on the first),
 * each with a persistent session of its own (client ids {@code <id>}, {@code <id>-1},
 * ...). Eight by default: Mosquitto delivered about 8,500 msgs/s to one subscriber
 * connection on the 2-core test machine, and eight carried 30,000 offered msgs/s without
 * loss (docs/PERFORMANCE.md, "MQTT intake")
 * @param intakeQueueCapacity messages held between the MQTT clients and the intake
 * thread; QoS 1/2 messages cannot exceed the Receive Maximum of each connection, so the
 * client callbacks wait here only when QoS 0 messages come faster than they are taken
 * @param intakeBatchSize most messages turned into one sample batch (one stream entry,
 * acknowledged together)
 * @param brokers settings of single brokers that differ from these defaults (window,
 * connections, the publisher's sequence number), matched by the channels' broker URL
 */
@ConfigurationProperties("parx.collector.mqtt")
public record MqttSettings(@DefaultValue("1d") Duration sessionExpiry, @DefaultValue("30s") Duration keepAlive,
		@DefaultValue("100ms") Duration reconnectInitialDelay, @DefaultValue("30s") Duration reconnectMaxDelay,
		@DefaultValue("parx") String clientIdPrefix, Path trustStore, String trustStorePassword,
		@DefaultValue("65534") int receiveMaximum, @DefaultValue("8") int connectionsPerBroker,
		@DefaultValue("65536") int intakeQueueCapacity, @DefaultValue("2000") int intakeBatchSize,
		List<MqttBrokerSettings> brokers) {

	@ConstructorBinding
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
		checkReceiveMaximum(receiveMaximum);
		checkConnections(connectionsPerBroker);
		if (intakeQueueCapacity < 1 || intakeBatchSize < 1) {
			throw new IllegalArgumentException("intakeQueueCapacity and intakeBatchSize must be positive");
		}
		brokers = (brokers != null) ? List.copyOf(brokers) : List.of();
	}

	/** The protocol's largest Receive Maximum that is not "no limit" (65,535). */
	static final int LARGEST_RECEIVE_MAXIMUM = 65_534;

	static void checkReceiveMaximum(int receiveMaximum) {
		// 65535 is the protocol's default, which the client then leaves out of CONNECT,
		// and Mosquitto applies its max_inflight_messages (20) instead.
		if (receiveMaximum < 1 || receiveMaximum > LARGEST_RECEIVE_MAXIMUM) {
			throw new IllegalArgumentException("receiveMaximum must be 1 to 65534");
		}
	}

	static void checkConnections(int connections) {
		if (connections < 1 || connections > 64) {
			throw new IllegalArgumentException("connections (per broker) must be 1 to 64");
		}
	}

	/**
	 * The settings that apply to the broker at {@code url}: its own entry in
	 * {@code brokers} with the engine's defaults filled in.
	 */
	MqttBrokerSettings broker(String url) {
		MqttBrokerSettings own = this.brokers.stream().filter((broker) -> broker.matches(url)).findFirst().orElse(null);
		if (own == null) {
			return new MqttBrokerSettings(url, this.receiveMaximum, this.connectionsPerBroker, null, null);
		}
		return new MqttBrokerSettings(url, (own.receiveMaximum() != null) ? own.receiveMaximum() : this.receiveMaximum,
				(own.connections() != null) ? own.connections() : this.connectionsPerBroker, own.sequenceProperty(),
				own.sequencePointer(), own.sparkplugHostId());
	}

	/** The engine's own settings with the intake settings at their defaults. */
	public MqttSettings(Duration sessionExpiry, Duration keepAlive, Duration reconnectInitialDelay,
			Duration reconnectMaxDelay, String clientIdPrefix, Path trustStore, String trustStorePassword) {
		this(sessionExpiry, keepAlive, reconnectInitialDelay, reconnectMaxDelay, clientIdPrefix, trustStore,
				trustStorePassword, 65_534, 1, 65_536, 2000, List.of());
	}

	/** These settings with other intake settings, e.g. for tests. */
	public MqttSettings withIntake(int receiveMaximum, int connectionsPerBroker, int intakeQueueCapacity,
			int intakeBatchSize) {
		return new MqttSettings(this.sessionExpiry, this.keepAlive, this.reconnectInitialDelay, this.reconnectMaxDelay,
				this.clientIdPrefix, this.trustStore, this.trustStorePassword, receiveMaximum, connectionsPerBroker,
				intakeQueueCapacity, intakeBatchSize, this.brokers);
	}

	/** These settings with single brokers configured differently. */
	public MqttSettings withBrokers(List<MqttBrokerSettings> brokers) {
		return new MqttSettings(this.sessionExpiry, this.keepAlive, this.reconnectInitialDelay, this.reconnectMaxDelay,
				this.clientIdPrefix, this.trustStore, this.trustStorePassword, this.receiveMaximum,
				this.connectionsPerBroker, this.intakeQueueCapacity, this.intakeBatchSize, brokers);
	}

	/** The defaults, for code that runs without Spring (tests, tools). */
	public static MqttSettings defaults() {
		return new MqttSettings(Duration.ofDays(1), Duration.ofSeconds(30), Duration.ofMillis(100),
				Duration.ofSeconds(30), "parx", null, null);
	}

}
