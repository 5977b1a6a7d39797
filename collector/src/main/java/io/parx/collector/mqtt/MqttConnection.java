package io.parx.collector.mqtt;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.parx.collector.engine.ConnectionStatus;

/**
 * One MQTT 5 client connection to one broker, shared by all channels with that broker,
 * client id and credentials. The session is persistent (Clean Start 0, Session Expiry
 * &gt; 0, MQTT 5 §3.1.2.4 and §3.1.2.11.2) so the broker queues QoS 1/2 messages while
 * the collector is away and delivers them on reconnect; the client reconnects by itself
 * with exponential backoff.
 */
final class MqttConnection implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MqttConnection.class);

	/**
	 * A connection the broker closes sooner than this after connecting counts as a quick
	 * drop.
	 */
	private static final long QUICK_DROP_NANOS = Duration.ofSeconds(10).toNanos();

	/** Quick drops in a row that make a second client with this client id likely. */
	private static final long QUICK_DROPS_SUSPECT = 3;

	private final MqttBroker broker;

	private final MqttSettings settings;

	private final MqttBrokerSettings brokerSettings;

	private final Mqtt5AsyncClient client;

	/** Topic filter to the highest QoS any channel asks for on it. */
	private volatile Map<String, MqttQos> filters = Map.of();

	/** The channels of this connection, by topic; replaced as a whole on update. */
	private volatile TopicIndex index = TopicIndex.EMPTY;

	private final OverlapFilter overlap = new OverlapFilter();

	private final AtomicLong reconnectAttempts = new AtomicLong();

	private volatile String lastError;

	/** When the last connect succeeded, {@link System#nanoTime()}. */
	private volatile long connectedAt;

	/**
	 * Connections the broker closed soon after they were made, in a row: the sign of a
	 * second client with this client id (the broker hands the session to the newest).
	 */
	private final AtomicLong quickDrops = new AtomicLong();

	/** Whether the channels were already marked Bad_NotConnected for this outage. */
	private volatile boolean reportedDown;

	private volatile boolean closing;

	/** The Receive Maximum sent in CONNECT; see {@link #widenWindow}. */
	private volatile int window;

	private final String clientId;

	/**
	 * The Sparkplug B host application id this connection announces (STATE), or
	 * {@code null}.
	 */
	private final String hostId;

	/**
	 * The timestamp of the STATE messages of the current connect: the Will (offline) and
	 * the birth (online) carry the same one (Sparkplug 3.0 §5.2).
	 */
	private volatile long stateTimestamp;

	/**
	 * @param broker where to connect
	 * @param brokerSettings the settings of this broker (window, sequence numbers)
	 * @param clientId the client id of this connection (one of the broker's connections)
	 * @param settings engine settings
	 * @param intake receives every message, on the client's thread; it routes it with
	 * {@link #route} and acknowledges it once durable (manual acknowledgement)
	 * @param onConnectionLost called once per outage: the first connect failed or an
	 * established connection dropped
	 * @param announcesHost whether this connection publishes the Sparkplug B STATE of the
	 * broker's {@code sparkplugHostId}, if it has one (the first of a broker's
	 * connections)
	 */
	MqttConnection(MqttBroker broker, MqttBrokerSettings brokerSettings, String clientId, MqttSettings settings,
			MqttIntake intake, Runnable onConnectionLost, boolean announcesHost) {
		this.broker = broker;
		this.brokerSettings = brokerSettings;
		this.clientId = clientId;
		this.hostId = announcesHost ? brokerSettings.sparkplugHostId() : null;
		this.settings = settings;
		this.window = brokerSettings.receiveMaximum();
		this.client = MqttClients.builder(broker, settings, clientId)
			.automaticReconnect()
			.initialDelay(settings.reconnectInitialDelay().toMillis(), TimeUnit.MILLISECONDS)
			.maxDelay(settings.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
			.applyAutomaticReconnect()
			.addConnectedListener((context) -> onConnected())
			.addDisconnectedListener((context) -> onDisconnected(context, onConnectionLost))
			.buildAsync();
		// Registered before CONNECT so that messages the broker queued for the session
		// (delivered right after CONNACK) are not lost for want of a listener. Manual
		// acknowledgement: the PUBACK waits until the message's samples are durable.
		this.client.publishes(MqttGlobalPublishFilter.ALL, (publish) -> intake.accept(this, publish), true);
	}

	/**
	 * The channels of this connection a message is for; none for an extra copy sent for
	 * an overlapping subscription. Called by the intake thread, in the order the messages
	 * arrived.
	 */
	Route route(Mqtt5Publish publish) {
		TopicIndex channels = this.index;
		MqttTopic topic = publish.getTopic();
		if (this.overlap.isCopy(topic, publish.getPayloadAsBytes(), channels.matchingFilters(topic))) {
			return Route.NONE;
		}
		return new Route(channels.channels(topic), channels.sparkplug(topic));
	}

	/**
	 * The channels a message is for.
	 *
	 * @param channels the channels whose topic filter matches it, but for Sparkplug B
	 * ones
	 * @param sparkplug the Sparkplug B channels of the edge node the topic belongs to, or
	 * {@code null}
	 */
	record Route(List<MqttChannel> channels, SparkplugChannels sparkplug) {

		static final Route NONE = new Route(List.of(), null);

	}

	MqttBroker broker() {
		return this.broker;
	}

	MqttBrokerSettings brokerSettings() {
		return this.brokerSettings;
	}

	List<MqttChannel> channels() {
		return this.index.channels();
	}

	/** The Sparkplug B edge nodes this connection's channels read. */
	Collection<SparkplugChannels> sparkplugNodes() {
		return this.index.sparkplugNodes();
	}

	/**
	 * Publishes a message of the engine's own (a Sparkplug B rebirth request) without
	 * waiting; a failure is only logged, since the request is repeated while needed.
	 */
	void publish(String topic, byte[] payload, MqttQos qos, boolean retain) {
		this.client.publishWith()
			.topic(topic)
			.payload(payload)
			.qos(qos)
			.retain(retain)
			.send()
			.whenComplete((result, ex) -> {
				if (ex != null) {
					logger.debug("MQTT publish to {} on {} failed: {}", topic, this.broker, message(ex));
				}
			});
	}

	void connect() {
		var connect = this.client.connectWith()
			.cleanStart(false)
			.sessionExpiryInterval(this.settings.sessionExpiry().toSeconds())
			.keepAlive((int) this.settings.keepAlive().toSeconds())
			.restrictions()
			// Sent explicitly: without it Mosquitto allows only max_inflight_messages
			// (20) unacknowledged messages, and acknowledgements wait for a durable step.
			.receiveMaximum(this.window)
			.applyRestrictions();
		if (this.hostId != null) {
			// Sparkplug 3.0 §5.2: the broker publishes the offline STATE, retained, when
			// the collector goes away without a word; the automatic reconnects reuse it
			this.stateTimestamp = System.currentTimeMillis();
			connect = connect.willPublish()
				.topic(SparkplugHostState.topic(this.hostId))
				.payload(SparkplugHostState.payload(false, this.stateTimestamp))
				.qos(MqttQos.AT_LEAST_ONCE)
				.retain(true)
				.applyWillPublish();
		}
		connect.send().whenComplete((ack, ex) -> {
			if (ex != null) {
				this.lastError = message(ex);
				logger.warn("MQTT connect to {} failed, retrying: {}", this.broker, this.lastError);
			}
		});
	}

	/**
	 * Sets the channels of this connection, subscribing new topic filters and
	 * unsubscribing those no channel uses any more.
	 */
	void update(List<MqttChannel> channels) {
		Map<String, MqttQos> wanted = new HashMap<>();
		for (MqttChannel channel : channels) {
			wanted.merge(channel.topicFilter().toString(), channel.qos(),
					(a, b) -> (a.getCode() >= b.getCode()) ? a : b);
		}
		Map<String, MqttQos> previous = this.filters;
		this.filters = Map.copyOf(wanted);
		this.index = TopicIndex.of(channels);
		if (this.client.getState() != MqttClientState.CONNECTED) {
			return; // onConnected subscribes what is wanted then
		}
		wanted.forEach((filter, qos) -> {
			if (previous.get(filter) != qos) {
				subscribe(filter, qos);
			}
		});
		previous.keySet().stream().filter((filter) -> !wanted.containsKey(filter)).forEach(this::unsubscribe);
	}

	private void onConnected() {
		this.reportedDown = false;
		this.reconnectAttempts.set(0);
		this.connectedAt = System.nanoTime();
		if (this.quickDrops.get() < QUICK_DROPS_SUSPECT) {
			// a suspected takeover stays visible in the status until a connection lasts
			this.lastError = null;
		}
		logger.info("MQTT connected to {}", this.broker);
		// Idempotent: an existing subscription is only replaced, and retained messages
		// are not sent again for it (MQTT 5 §3.8.3.1, Retain Handling 1).
		this.filters.forEach(this::subscribe);
		if (this.hostId != null) {
			// after the subscriptions, so the births that edge nodes send on seeing it
			// find them in place (Sparkplug 3.0 §5.2)
			publish(SparkplugHostState.topic(this.hostId), SparkplugHostState.payload(true, this.stateTimestamp),
					MqttQos.AT_LEAST_ONCE, true);
		}
	}

	private void onDisconnected(MqttClientDisconnectedContext context, Runnable onConnectionLost) {
		if (this.closing || context.getSource() == MqttDisconnectSource.USER) {
			return;
		}
		this.lastError = message(context.getCause());
		this.reconnectAttempts.incrementAndGet();
		if (context instanceof Mqtt5ClientDisconnectedContext disconnected && exceededReceiveMaximum(disconnected)) {
			widenWindow(disconnected);
		}
		if (context.getSource() == MqttDisconnectSource.SERVER && takenOver(context, onConnectionLost)) {
			return;
		}
		if (!this.reportedDown) {
			// once per outage, also when the very first connect fails
			this.reportedDown = true;
			logger.warn("MQTT connection to {} down, reconnecting: {}", this.broker, this.lastError);
			onConnectionLost.run();
		}
	}

	/**
	 * Whether the broker gave this client's session to another client with the same
	 * client id: it says so (DISCONNECT Session taken over, MQTT 5 §3.14.2.1), or, as
	 * Mosquitto 2.0 does, closes the connection without a word soon after every connect.
	 * Reported in the status and logged once, not at every one of the many reconnects two
	 * such clients make, taking the session from each other.
	 * @return whether the disconnect was handled as a takeover
	 */
	private boolean takenOver(MqttClientDisconnectedContext context, Runnable onConnectionLost) {
		boolean said = context.getCause() instanceof Mqtt5DisconnectException disconnect
				&& disconnect.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER;
		boolean quick = this.connectedAt != 0 && System.nanoTime() - this.connectedAt < QUICK_DROP_NANOS;
		long drops = quick ? this.quickDrops.incrementAndGet() : 0;
		if (!quick) {
			this.quickDrops.set(0);
		}
		if (!said && drops < QUICK_DROPS_SUSPECT) {
			return false;
		}
		this.lastError = (said ? "session taken over by another client with the client id "
				: "the broker closed the connection " + drops + " times right after connecting: is another client "
						+ "connected with the client id ")
				+ this.clientId + (said ? "" : "?")
				+ " (two collectors or installations with the same clientId take the session from each other; "
				+ "give each its own)";
		if (said || drops == QUICK_DROPS_SUSPECT) {
			logger.warn("MQTT connection to {}: {}", this.broker, this.lastError);
		}
		if (!this.reportedDown) {
			this.reportedDown = true;
			onConnectionLost.run();
		}
		return true;
	}

	/**
	 * Whether this client hung up because the broker sent more unacknowledged messages
	 * than the Receive Maximum allows. Mosquitto 2.0.11 (Debian 12's) does so once its
	 * queue for a session is not empty, i.e. after the window was full: an
	 * acknowledgement of an early message moves up to a whole window more out of the
	 * queue (eclipse-mosquitto/mosquitto#2301).
	 */
	private static boolean exceededReceiveMaximum(Mqtt5ClientDisconnectedContext context) {
		return context.getSource() == MqttDisconnectSource.CLIENT
				&& context.getCause() instanceof Mqtt5DisconnectException disconnect
				&& disconnect.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED;
	}

	/**
	 * Reconnects with the largest window. On the resumed session the broker sends again
	 * every message it had in flight, more than the old window; with that window the
	 * client would hang up again at once, before the acknowledgements of the messages it
	 * took get out, and recovery would take one reconnect per handful of messages (seen
	 * as dozens of reconnects for a backlog of 300 with a window of 50). The intake queue
	 * still bounds the memory: the client stops reading its socket when it is full.
	 */
	private void widenWindow(Mqtt5ClientDisconnectedContext context) {
		if (this.window == MqttSettings.LARGEST_RECEIVE_MAXIMUM) {
			return;
		}
		logger.warn(
				"MQTT broker {} sent more than the Receive Maximum {} (a broker defect, e.g. Mosquitto 2.0.11 "
						+ "after the window was full); reconnecting with the largest window, {}",
				this.broker, this.window, MqttSettings.LARGEST_RECEIVE_MAXIMUM);
		this.window = MqttSettings.LARGEST_RECEIVE_MAXIMUM;
		context.getReconnector()
			.connectWith()
			.restrictions()
			.receiveMaximum(MqttSettings.LARGEST_RECEIVE_MAXIMUM)
			.applyRestrictions()
			.applyConnect();
	}

	private void subscribe(String filter, MqttQos qos) {
		this.client.subscribeWith()
			.topicFilter(filter)
			.qos(qos)
			.retainHandling(Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST)
			.send()
			.whenComplete((ack, ex) -> {
				if (ex != null) {
					this.lastError = "subscribe " + filter + ": " + message(ex);
				}
				else if (ack.getReasonCodes().stream().anyMatch((code) -> code.isError())) {
					this.lastError = "subscribe " + filter + " refused: " + ack.getReasonCodes();
					logger.warn("MQTT broker {} refused subscription {}: {}", this.broker, filter,
							ack.getReasonCodes());
				}
			});
	}

	private void unsubscribe(String filter) {
		this.client.unsubscribeWith().topicFilter(filter).send().whenComplete((ack, ex) -> {
			if (ex != null) {
				logger.debug("MQTT unsubscribe {} on {} failed: {}", filter, this.broker, message(ex));
			}
		});
	}

	ConnectionStatus status() {
		String state = switch (this.client.getState()) {
			case CONNECTED -> ConnectionStatus.CONNECTED;
			case CONNECTING, CONNECTING_RECONNECT, DISCONNECTED_RECONNECT -> ConnectionStatus.CONNECTING;
			case DISCONNECTED -> ConnectionStatus.DISCONNECTED;
		};
		if (ConnectionStatus.CONNECTED.equals(state) && this.quickDrops.get() >= QUICK_DROPS_SUSPECT
				&& System.nanoTime() - this.connectedAt >= QUICK_DROP_NANOS) {
			// the other client has gone: the connection lasts again
			this.quickDrops.set(0);
			this.lastError = null;
		}
		return new ConnectionStatus(this.broker.url() + "#" + this.clientId, state, this.lastError,
				this.reconnectAttempts.get());
	}

	/**
	 * Disconnects. With {@code keepSession} the broker keeps queueing QoS 1/2 messages
	 * for the session (collector shutdown); without, the session ends with the connection
	 * (no channel uses this broker any more).
	 */
	void close(boolean keepSession) {
		this.closing = true;
		try {
			if (this.client.getState().isConnected() && this.hostId != null) {
				// a clean DISCONNECT discards the Will, so the host says offline itself
				this.client.publishWith()
					.topic(SparkplugHostState.topic(this.hostId))
					.payload(SparkplugHostState.payload(false, this.stateTimestamp))
					.qos(MqttQos.AT_LEAST_ONCE)
					.retain(true)
					.send()
					.get(5, TimeUnit.SECONDS);
			}
			if (this.client.getState().isConnected()) {
				var disconnect = this.client.disconnectWith();
				if (!keepSession) {
					disconnect = disconnect.sessionExpiryInterval(0);
				}
				disconnect.send().get(5, TimeUnit.SECONDS);
			}
			else if (this.client.getState() != MqttClientState.DISCONNECTED) {
				this.client.disconnect();
			}
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.debug("MQTT disconnect from {} failed: {}", this.broker, message(ex));
		}
	}

	@Override
	public void close() {
		close(true);
	}

	static String message(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
