package io.parx.collector.mqtt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.hivemq.client.mqtt.datatypes.MqttTopic;

import io.parx.common.config.channel.SparkplugMetric;

/**
 * The Sparkplug B channels of one edge node on a connection, by device and metric name:
 * an NDATA with a thousand metrics finds each metric's channels in one lookup. All of
 * them share the edge node's one subscription ({@link SparkplugMetric#subscription()}).
 * Immutable.
 *
 * @param groupId the edge node's group
 * @param edgeNodeId the edge node
 * @param all every channel of the edge node and its devices
 * @param byMetric the channels of each metric ({@code deviceId} {@code null} for the edge
 * node's own)
 */
record SparkplugChannels(String groupId, String edgeNodeId, List<MqttChannel> all,
		Map<Metric, List<MqttChannel>> byMetric) {

	/** A metric of the edge node ({@code deviceId} {@code null}) or of one device. */
	record Metric(String deviceId, String name) {

	}

	/** The channels with a Sparkplug metric, by edge node ({@link #key}). */
	static Map<String, SparkplugChannels> index(List<MqttChannel> channels) {
		Map<String, List<MqttChannel>> byNode = new HashMap<>();
		for (MqttChannel channel : channels) {
			SparkplugMetric metric = channel.sparkplug();
			byNode.computeIfAbsent(key(metric.groupId(), metric.edgeNodeId()), (key) -> new ArrayList<>()).add(channel);
		}
		Map<String, SparkplugChannels> index = new HashMap<>();
		byNode.forEach((key, nodeChannels) -> {
			Map<Metric, List<MqttChannel>> byMetric = new HashMap<>();
			for (MqttChannel channel : nodeChannels) {
				SparkplugMetric metric = channel.sparkplug();
				byMetric.computeIfAbsent(new Metric(metric.deviceId(), metric.metricName()), (m) -> new ArrayList<>())
					.add(channel);
			}
			byMetric.replaceAll((metric, list) -> List.copyOf(list));
			SparkplugMetric first = nodeChannels.getFirst().sparkplug();
			index.put(key, new SparkplugChannels(first.groupId(), first.edgeNodeId(), List.copyOf(nodeChannels),
					Map.copyOf(byMetric)));
		});
		return Map.copyOf(index);
	}

	static String key(String groupId, String edgeNodeId) {
		return groupId + "/" + edgeNodeId;
	}

	/**
	 * The key of the edge node a topic belongs to
	 * ({@code spBv1.0/<group>/<type>/<edge node>[/<device>]}), or {@code null} for any
	 * other topic.
	 */
	static String key(MqttTopic topic) {
		List<String> levels = topic.getLevels();
		if (levels.size() < 4 || levels.size() > 5 || !SparkplugMetric.NAMESPACE.equals(levels.get(0))) {
			return null;
		}
		return key(levels.get(1), levels.get(3));
	}

	String key() {
		return key(this.groupId, this.edgeNodeId);
	}

	List<MqttChannel> of(String deviceId, String metricName) {
		return this.byMetric.getOrDefault(new Metric(deviceId, metricName), List.of());
	}

	/** The channels of the edge node's own metrics, or of one device's. */
	List<MqttChannel> ofDevice(String deviceId) {
		return this.all.stream().filter((channel) -> Objects.equals(channel.sparkplug().deviceId(), deviceId)).toList();
	}

}
