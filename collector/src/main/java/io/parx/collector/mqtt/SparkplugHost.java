package io.parx.collector.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.tahu.message.model.MessageType;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.parx.collector.mqtt.MqttPayloadParser.PayloadException;
import io.parx.collector.mqtt.SparkplugNode.Birth;
import io.parx.common.config.channel.SparkplugMetric;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;

/**
 * The engine as a Sparkplug B host application (Sparkplug 3.0 §6.4, §7): turns the
 * births, data and deaths of the edge nodes its channels read into samples, and asks a
 * node for its births again (NCMD {@code Node Control/Rebirth}) when its state is no
 * longer known: a sequence gap, an alias or device without a birth, data before any
 * birth. Runs on the intake thread; the node states are kept across channel changes, by
 * broker and node.
 */
final class SparkplugHost {

	private static final Logger logger = LoggerFactory.getLogger(SparkplugHost.class);

	/** Least time between two rebirth requests to one node. */
	static final Duration REBIRTH_HOLD_OFF = Duration.ofSeconds(5);

	/** Node states by {@link #nodeKey}; written on the intake thread only. */
	private final Map<String, SparkplugNode> nodes = new ConcurrentHashMap<>();

	/** Where the engine keeps why each channel is bad. */
	interface Reasons {

		/**
		 * Records why a channel is bad, {@code null}: it is good again.
		 * @return whether the reason changed (worth a log line)
		 */
		boolean record(MqttChannel channel, String reason);

	}

	private final Reasons reasons;

	private final Counter rebirthRequests;

	private final Counter decodeErrors;

	SparkplugHost(Reasons reasons, Counter decodeErrors, MeterRegistry registry) {
		this.reasons = reasons;
		this.decodeErrors = decodeErrors;
		this.rebirthRequests = Counter.builder("parx.collector.mqtt.sparkplug.rebirth.requests")
			.description("Sparkplug B rebirth requests sent to edge nodes (sequence gaps, unknown aliases)")
			.register(registry);
	}

	/** The samples of one Sparkplug B message for the channels of its edge node. */
	List<Sample> samples(MqttConnection connection, Mqtt5Publish publish, SparkplugChannels channels,
			Instant receivedAt) {
		List<String> levels = publish.getTopic().getLevels();
		MessageType type;
		try {
			type = MessageType.parseMessageType(levels.get(2));
		}
		catch (Exception ex) {
			return List.of();
		}
		String deviceId = (levels.size() > 4) ? levels.get(4) : null;
		if (type.isCommand() || type.isRecord() || type == MessageType.STATE
				|| (deviceId == null) == (type == MessageType.DBIRTH || type == MessageType.DDATA
						|| type == MessageType.DDEATH)) {
			return List.of(); // commands (ours among them) and malformed topics
		}
		SparkplugNode node = this.nodes.computeIfAbsent(nodeKey(connection, channels), (key) -> new SparkplugNode());
		Message message = new Message(connection, channels, node, type, deviceId, publish.getPayloadAsBytes(),
				receivedAt);
		message.handle();
		return message.samples;
	}

	/** Forgets the nodes no channel reads any more. */
	void retain(Collection<MqttConnection> connections) {
		Set<String> keys = ConcurrentHashMap.newKeySet();
		for (MqttConnection connection : connections) {
			connection.sparkplugNodes().forEach((channels) -> keys.add(nodeKey(connection, channels)));
		}
		this.nodes.keySet().retainAll(keys);
	}

	private static String nodeKey(MqttConnection connection, SparkplugChannels channels) {
		return connection.broker().url() + " " + channels.key();
	}

	/** One message being handled. */
	private final class Message {

		private final MqttConnection connection;

		private final SparkplugChannels channels;

		private final SparkplugNode node;

		private final MessageType type;

		private final String deviceId;

		private final byte[] bytes;

		private final Instant receivedAt;

		private final List<Sample> samples = new ArrayList<>();

		Message(MqttConnection connection, SparkplugChannels channels, SparkplugNode node, MessageType type,
				String deviceId, byte[] bytes, Instant receivedAt) {
			this.connection = connection;
			this.channels = channels;
			this.node = node;
			this.type = type;
			this.deviceId = deviceId;
			this.bytes = bytes;
			this.receivedAt = receivedAt;
		}

		void handle() {
			if (this.type == MessageType.NBIRTH) {
				nodeBirth();
				return;
			}
			if (this.type == MessageType.NDEATH) {
				nodeDeath();
				return;
			}
			if (!this.node.online()) {
				// data or a device message before any birth: the engine started or
				// subscribed after the node was born
				rebirth("no NBIRTH seen yet");
				return;
			}
			SparkplugBPayload payload;
			try {
				Birth birth = this.node.birth(this.deviceId);
				payload = SparkplugPayloads.decode(this.bytes,
						(birth != null && this.type.isData()) ? birth.types() : null);
			}
			catch (PayloadException ex) {
				decodingFailed(ex.getMessage());
				return;
			}
			Long expected = this.node.accept(payload.getSeq());
			if (expected != null) {
				this.node.forget();
				bad(this.channels.all(), Quality.BAD_COMMUNICATION_ERROR,
						"Sparkplug B sequence gap on " + this.channels.key() + ": expected seq " + expected + ", got "
								+ payload.getSeq() + " (messages lost); rebirth requested");
				rebirth("sequence gap");
				return;
			}
			switch (this.type) {
				case DBIRTH -> birth(this.node.deviceBorn(this.deviceId), payload);
				case DDEATH -> {
					this.node.deviceDied(this.deviceId);
					bad(this.channels.ofDevice(this.deviceId), Quality.BAD_NOT_CONNECTED,
							"Sparkplug B device " + this.channels.key() + "/" + this.deviceId + " is offline (DDEATH)");
				}
				default -> data(payload);
			}
		}

		private void nodeBirth() {
			SparkplugBPayload payload;
			try {
				payload = SparkplugPayloads.decode(this.bytes, null);
			}
			catch (PayloadException ex) {
				this.node.forget();
				decodingFailed(ex.getMessage());
				return;
			}
			Long bdSeq = SparkplugPayloads.bdSeq(payload);
			Birth birth = this.node.born((payload.getSeq() != null) ? payload.getSeq() : 0, bdSeq);
			birth(birth, payload);
		}

		/** The metrics of a birth: their names, aliases and types, and their values. */
		private void birth(Birth birth, SparkplugBPayload payload) {
			for (Metric metric : payload.getMetrics()) {
				if (metric != null) {
					birth.add(metric);
				}
			}
			for (MqttChannel channel : this.channels.ofDevice(this.deviceId)) {
				if (!birth.declares(channel.sparkplug().metricName())) {
					bad(List.of(channel), Quality.BAD_CONFIGURATION_ERROR, "metric '" + channel.sparkplug().metricName()
							+ "' is not in the " + this.type + " of " + where());
				}
			}
			values(birth, payload);
		}

		private void data(SparkplugBPayload payload) {
			Birth birth = this.node.birth(this.deviceId);
			if (birth == null) {
				rebirth("data of device " + this.deviceId + " without its DBIRTH");
				return;
			}
			values(birth, payload);
		}

		private void values(Birth birth, SparkplugBPayload payload) {
			Instant messageTime = time(payload.getTimestamp(), this.receivedAt);
			String unknown = null;
			for (Metric metric : payload.getMetrics()) {
				if (metric == null) {
					continue;
				}
				String name = birth.name(metric);
				if (name == null) {
					unknown = (metric.hasAlias()) ? "alias " + metric.getAlias() : "a metric without name or alias";
					continue;
				}
				List<MqttChannel> targets = this.channels.of(this.deviceId, name);
				if (targets.isEmpty()) {
					continue;
				}
				Instant time = time(metric.getTimestamp(), messageTime);
				for (MqttChannel channel : targets) {
					this.samples.add(sample(channel, metric, time));
				}
			}
			if (unknown != null) {
				rebirth(unknown + " not in the births of " + where());
			}
		}

		private Sample sample(MqttChannel channel, Metric metric, Instant time) {
			if (Boolean.TRUE.equals(metric.isNull()) || metric.getValue() == null) {
				warn(channel, "metric '" + channel.sparkplug().metricName() + "' of " + where() + " is null");
				return Sample.failed(channel.id(), time, Quality.BAD);
			}
			try {
				Sample sample = Sample.of(channel.id(), time,
						MqttPayloadParser.convert(channel.config(), SparkplugPayloads.raw(metric)), Quality.GOOD);
				SparkplugHost.this.reasons.record(channel, null);
				return sample;
			}
			catch (PayloadException ex) {
				SparkplugHost.this.decodeErrors.increment();
				warn(channel, where() + ": " + ex.getMessage());
				return Sample.failed(channel.id(), time, Quality.BAD_DECODING_ERROR);
			}
		}

		private void nodeDeath() {
			Long bdSeq = null;
			try {
				bdSeq = SparkplugPayloads.bdSeq(SparkplugPayloads.decode(this.bytes, null));
			}
			catch (PayloadException ex) {
				// a death is a death, even unreadable
			}
			if (this.node.died(bdSeq)) {
				bad(this.channels.all(), Quality.BAD_NOT_CONNECTED,
						"Sparkplug B edge node " + this.channels.key() + " is offline (NDEATH)");
			}
		}

		private void decodingFailed(String reason) {
			SparkplugHost.this.decodeErrors.increment();
			bad(this.channels.ofDevice(this.deviceId), Quality.BAD_DECODING_ERROR,
					this.type + " of " + where() + ": " + reason);
			if (!this.type.isDeath()) {
				// most often a data message leaving out types its unseen birth declared
				rebirth("undecodable " + this.type);
			}
		}

		/** Marks channels bad for one event, logged once for all of them. */
		private void bad(List<MqttChannel> channels, int quality, String reason) {
			Instant now = Instant.now();
			boolean changed = false;
			for (MqttChannel channel : channels) {
				changed |= SparkplugHost.this.reasons.record(channel, reason);
				this.samples.add(Sample.failed(channel.id(), now, quality));
			}
			if (changed) {
				logger.warn("{} ({} channels)", reason, channels.size());
			}
		}

		private void warn(MqttChannel channel, String reason) {
			if (SparkplugHost.this.reasons.record(channel, reason)) {
				logger.warn("MQTT channel {} ({}): {}", channel.id(), channel.config().name(), reason);
			}
		}

		/** Asks the edge node for its births (NCMD, Sparkplug 3.0 §6.4.6, QoS 0). */
		private void rebirth(String why) {
			if (!this.node.shouldRequestRebirth(System.nanoTime(), REBIRTH_HOLD_OFF.toNanos())) {
				return;
			}
			SparkplugHost.this.rebirthRequests.increment();
			logger.info("Sparkplug B edge node {}: {}; requesting a rebirth", this.channels.key(), why);
			this.connection.publish(
					SparkplugPayloads.commandTopic(new SparkplugMetric(this.channels.groupId(),
							this.channels.edgeNodeId(), null, SparkplugPayloads.REBIRTH)),
					SparkplugPayloads.rebirthRequest(), MqttQos.AT_MOST_ONCE, false);
		}

		private String where() {
			return this.channels.key() + ((this.deviceId != null) ? "/" + this.deviceId : "");
		}

	}

	private static Instant time(Date date, Instant otherwise) {
		return (date != null) ? date.toInstant() : otherwise;
	}

}
