package io.parx.collector.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ChannelReconciler;
import io.parx.collector.engine.ChannelStatusTracker;
import io.parx.collector.engine.EngineMetrics;
import io.parx.collector.engine.EngineStatus;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.engine.SampleSink;
import io.parx.collector.engine.WriteOutcome;
import io.parx.collector.mqtt.MqttPayloadParser.Payload;
import io.parx.collector.mqtt.MqttPayloadParser.PayloadException;
import io.parx.collector.mqtt.MqttPayloadParser.Reading;
import io.parx.common.config.Installation;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Receives MQTT channels: one connection per broker (URL, client id, credentials), one
 * subscription per distinct topic filter, every message routed to the channels of that
 * connection whose filter matches its topic ({@link TopicIndex}). A payload that does not
 * parse marks only its channel Bad_DecodingError, is counted and logged, and never
 * disturbs the subscription.
 */
@Component
public class MqttEngine implements ProtocolEngine {

	private static final Logger logger = LoggerFactory.getLogger(MqttEngine.class);

	private final SampleSink sink;

	private final MqttSettings settings;

	private final Counter decodeErrors;

	private final EngineMetrics metrics;

	private final ChannelStatusTracker tracker = new ChannelStatusTracker();

	/**
	 * A broker's connections, channels spread over them by topic. Guarded by
	 * {@code this}.
	 */
	private final ChannelReconciler<MqttBroker, MqttChannel, List<MqttConnection>> reconciler;

	private final MqttIntake intake;

	/** Part of the default client ids. */
	private final Installation installation;

	private final SequenceWatch sequences;

	/** Channels whose last payload did not parse, with the reason. */
	private final Map<Long, String> channelErrors = new ConcurrentHashMap<>();

	private final SparkplugHost sparkplug;

	public MqttEngine(SampleSink sink, MqttSettings settings, Installation installation, MeterRegistry registry) {
		this.sink = sink;
		this.settings = settings;
		this.installation = installation;
		this.decodeErrors = Counter.builder("parx.collector.mqtt.decode.errors")
			.description("MQTT payloads that did not parse for a channel (marked Bad_DecodingError)")
			.register(registry);
		this.metrics = new EngineMetrics(registry, Protocol.MQTT);
		this.sequences = new SequenceWatch(registry);
		this.sparkplug = new SparkplugHost(this::reason, this.decodeErrors, registry);
		this.intake = new MqttIntake(settings.intakeQueueCapacity(), settings.intakeBatchSize(), this::samples,
				this::publish, registry);
		this.reconciler = new ChannelReconciler<>(Protocol.MQTT, new Brokers(), this.tracker, this::publish);
	}

	@Override
	public Protocol protocol() {
		return Protocol.MQTT;
	}

	@Override
	public synchronized void apply(Collection<ChannelConfig> channels) {
		// a removed channel's payload error goes with it
		this.reconciler.apply(channels).removed().forEach(this.channelErrors::remove);
		this.sparkplug.retain(this.reconciler.running().values().stream().flatMap(List::stream).toList());
	}

	private final class Brokers implements ChannelReconciler.Hooks<MqttBroker, MqttChannel, List<MqttConnection>> {

		@Override
		public MqttChannel channel(ChannelConfig config) {
			return MqttChannel.of(config);
		}

		@Override
		public MqttBroker key(ChannelConfig config, MqttChannel channel) {
			return MqttBroker.of(config, MqttEngine.this.settings, MqttEngine.this.installation);
		}

		@Override
		public List<MqttConnection> open(MqttBroker broker, List<MqttChannel> brokerChannels) {
			MqttBrokerSettings brokerSettings = MqttEngine.this.settings.broker(broker.url());
			List<List<MqttChannel>> lanes = spread(brokerChannels, brokerSettings.connections());
			// an IllegalStateException here (e.g. an unreadable trust store) makes the
			// broker's channels misconfigured until it is fixed
			List<MqttConnection> created = new ArrayList<>();
			for (int lane = 0; lane < lanes.size(); lane++) {
				created.add(new MqttConnection(broker, brokerSettings, clientId(broker, lane), MqttEngine.this.settings,
						MqttEngine.this.intake, () -> onConnectionLost(broker), lane == 0));
			}
			for (int lane = 0; lane < lanes.size(); lane++) {
				created.get(lane).update(lanes.get(lane));
			}
			created.forEach(MqttConnection::connect);
			return created;
		}

		@Override
		public void update(List<MqttConnection> brokerConnections, List<MqttChannel> brokerChannels) {
			List<List<MqttChannel>> lanes = spread(brokerChannels, brokerConnections.size());
			for (int lane = 0; lane < lanes.size(); lane++) {
				brokerConnections.get(lane).update(lanes.get(lane));
			}
		}

		@Override
		public void close(List<MqttConnection> brokerConnections) {
			brokerConnections.forEach((connection) -> connection.close(false));
		}

	}

	/**
	 * The client id of one of a broker's connections: the broker's own for the first, so
	 * that a single connection keeps the session it always had.
	 */
	private static String clientId(MqttBroker broker, int lane) {
		return (lane == 0) ? broker.clientId() : broker.clientId() + "-" + lane;
	}

	/**
	 * Spreads a broker's channels over {@code count} connections: channels with the same
	 * exact topic together, by a hash of the topic that is the same on every start (so
	 * each topic stays with its session); wildcard filters all on the first connection,
	 * since their topics cannot be known in advance.
	 */
	static List<List<MqttChannel>> spread(List<MqttChannel> channels, int count) {
		List<List<MqttChannel>> lanes = new ArrayList<>(count);
		for (int lane = 0; lane < count; lane++) {
			lanes.add(new ArrayList<>());
		}
		for (MqttChannel channel : channels) {
			var filter = channel.topicFilter();
			int lane = (filter.containsWildcards() || filter.isShared()) ? 0
					: Math.floorMod(filter.toString().hashCode(), count);
			lanes.get(lane).add(channel);
		}
		return lanes;
	}

	/** The samples of one message, on the intake thread. */
	private List<Sample> samples(MqttIntake.Received message) {
		Mqtt5Publish publish = message.publish();
		MqttConnection.Route route = message.connection().route(publish);
		List<MqttChannel> channels = route.channels();
		if (route.sparkplug() != null) {
			List<Sample> samples = this.sparkplug.samples(message.connection(), publish, route.sparkplug(),
					message.receivedAt());
			if (channels.isEmpty()) {
				return samples;
			}
			samples = new ArrayList<>(samples);
			samples.addAll(plain(message, channels));
			return samples;
		}
		return plain(message, channels);
	}

	/** The samples of a message for channels of the plain payload formats. */
	private List<Sample> plain(MqttIntake.Received message, List<MqttChannel> channels) {
		if (channels.isEmpty()) {
			return List.of();
		}
		Mqtt5Publish publish = message.publish();
		Payload payload = new Payload(publish.getPayloadAsBytes());
		this.sequences.observe(message.connection().brokerSettings(), publish, payload);
		List<Sample> samples = new ArrayList<>(channels.size());
		for (MqttChannel channel : channels) {
			samples.add(sample(channel, payload, message.receivedAt(), publish));
		}
		return samples;
	}

	private Sample sample(MqttChannel channel, Payload payload, Instant receivedAt, Mqtt5Publish publish) {
		try {
			Reading reading = MqttPayloadParser.parse(channel, payload, receivedAt);
			this.channelErrors.remove(channel.id());
			return Sample.of(channel.id(), reading.time(), reading.value(), Quality.GOOD);
		}
		catch (PayloadException ex) {
			this.decodeErrors.increment();
			String reason = "topic " + publish.getTopic() + ": " + ex.getMessage();
			if (this.channelErrors.put(channel.id(), reason) == null) {
				logger.warn("MQTT channel {} ({}) Bad_DecodingError: {}", channel.id(), channel.config().name(),
						reason);
			}
			else {
				logger.debug("MQTT channel {} Bad_DecodingError: {}", channel.id(), reason);
			}
			return Sample.failed(channel.id(), receivedAt, Quality.BAD_DECODING_ERROR);
		}
	}

	/**
	 * Records why a channel is bad, {@code null}: it is good again; whether the reason
	 * changed.
	 */
	private boolean reason(MqttChannel channel, String reason) {
		if (reason == null) {
			return this.channelErrors.remove(channel.id()) != null;
		}
		return !reason.equals(this.channelErrors.put(channel.id(), reason));
	}

	private void onConnectionLost(MqttBroker broker) {
		List<MqttConnection> brokerConnections;
		synchronized (this) {
			brokerConnections = this.reconciler.running().get(broker);
		}
		if (brokerConnections == null) {
			return;
		}
		Instant now = Instant.now();
		List<Sample> batch = brokerConnections.stream()
			.flatMap((connection) -> connection.channels().stream())
			.map((channel) -> Sample.failed(channel.id(), now, Quality.BAD_NOT_CONNECTED))
			.toList();
		if (!batch.isEmpty()) {
			// Through the intake, behind the messages that arrived before the loss.
			this.intake.submit(batch);
		}
	}

	private void publish(List<Sample> batch) {
		publish(batch, () -> {
		});
	}

	/**
	 * Hands samples to the pipeline; {@code onDurable} runs once they are durable (at
	 * once when there are none).
	 */
	private void publish(List<Sample> batch, Runnable onDurable) {
		if (batch.isEmpty()) {
			onDurable.run();
			return;
		}
		this.metrics.samples(batch.size());
		for (Sample sample : batch) {
			if (Quality.isBad(sample.quality())) {
				this.metrics.readError();
			}
		}
		this.tracker.record(batch);
		this.sink.publish(new ArrayList<>(batch), onDurable);
	}

	/**
	 * The broker connection by URL and client id: every instance of a group derives the
	 * same default client id, so the instance that takes a broker over resumes the
	 * session and the messages the broker queued for it.
	 */
	@Override
	public String connection(ChannelConfig channel) {
		try {
			MqttBroker broker = MqttBroker.of(channel, this.settings, this.installation);
			return broker.url() + " " + broker.clientId();
		}
		catch (IllegalArgumentException ex) {
			return ProtocolEngine.super.connection(channel);
		}
	}

	/**
	 * Waits for the next message on the channel's topic (a retained message arrives at
	 * once) with a temporary clean-session client, so the running connection and its
	 * session are untouched.
	 */
	@Override
	public void validate(ChannelConfig channel) {
		MqttBroker.of(channel, this.settings, this.installation);
		MqttChannel.of(channel);
	}

	@Override
	public ReadResult readOnce(ChannelConfig channel, Duration timeout) {
		return MqttSingleRead.read(channel, this.settings, this.installation, timeout);
	}

	/**
	 * Publishes the value to the channel's {@code writeTopic} ({@link MqttWrite}). The
	 * value before is the last one the running channel received; nothing is read after,
	 * since an MQTT read waits for the next message.
	 */
	@Override
	public WriteOutcome writeAndReadBack(ChannelConfig channel, SampleValue value, Duration timeout) {
		ReadResult before = this.tracker.lastValue(channel.id()).map((last) -> ReadResult.good(last, 0)).orElse(null);
		return new WriteOutcome(before, MqttWrite.write(channel, this.settings, this.installation, value, timeout),
				null);
	}

	/** Why the channel is not good, when it is not: configuration or payload problem. */
	public Optional<String> lastError(long channelId) {
		return this.tracker.reason(channelId).or(() -> Optional.ofNullable(this.channelErrors.get(channelId)));
	}

	@Override
	public synchronized EngineStatus status() {
		return new EngineStatus(this.reconciler.running()
			.values()
			.stream()
			.flatMap(List::stream)
			.map(MqttConnection::status)
			.sorted(Comparator.comparing((status) -> status.key()))
			.toList(), this.tracker.snapshot(), null, this.metrics.overrunCount());
	}

	/**
	 * Disconnects but keeps the broker sessions, so QoS 1/2 messages wait for the
	 * restart.
	 */
	@Override
	public synchronized void close() {
		this.reconciler.clear().forEach((list) -> list.forEach((connection) -> connection.close(true)));
		this.intake.close();
	}

}
