package io.parx.collector.mqtt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;

/**
 * Which channels of a connection a message concerns. Most channels name one exact topic,
 * so a map finds them in one lookup; only filters with wildcards (and shared
 * subscriptions, whose filter is not the topic) are matched one by one (MQTT 5 §4.7).
 * Matching every message against every channel of the connection made the cost of a
 * message grow with the number of channels on the broker. Sparkplug B channels are found
 * by their edge node ({@link SparkplugChannels}), not by their filter. Immutable.
 */
final class TopicIndex {

	static final TopicIndex EMPTY = of(List.of());

	private final List<MqttChannel> channels;

	private final Map<String, List<MqttChannel>> exact;

	private final List<MqttChannel> wildcard;

	/** Distinct wildcard filters, for counting the subscriptions a message matches. */
	private final List<MqttTopicFilter> wildcardFilters;

	/** The Sparkplug B channels by edge node ({@link SparkplugChannels#key}). */
	private final Map<String, SparkplugChannels> sparkplug;

	private TopicIndex(List<MqttChannel> channels, Map<String, List<MqttChannel>> exact, List<MqttChannel> wildcard,
			List<MqttTopicFilter> wildcardFilters, Map<String, SparkplugChannels> sparkplug) {
		this.channels = channels;
		this.exact = exact;
		this.wildcard = wildcard;
		this.wildcardFilters = wildcardFilters;
		this.sparkplug = sparkplug;
	}

	static TopicIndex of(List<MqttChannel> channels) {
		Map<String, List<MqttChannel>> exact = new HashMap<>();
		List<MqttChannel> wildcard = new ArrayList<>();
		Set<MqttTopicFilter> wildcardFilters = new LinkedHashSet<>();
		List<MqttChannel> sparkplug = new ArrayList<>();
		for (MqttChannel channel : channels) {
			MqttTopicFilter filter = channel.topicFilter();
			if (channel.sparkplug() != null) {
				sparkplug.add(channel);
				wildcardFilters.add(filter);
			}
			else if (isExact(filter)) {
				exact.computeIfAbsent(filter.toString(), (topic) -> new ArrayList<>()).add(channel);
			}
			else {
				wildcard.add(channel);
				wildcardFilters.add(filter);
			}
		}
		exact.replaceAll((topic, list) -> List.copyOf(list));
		return new TopicIndex(List.copyOf(channels), Map.copyOf(exact), List.copyOf(wildcard),
				List.copyOf(wildcardFilters), SparkplugChannels.index(sparkplug));
	}

	/** A filter without wildcards matches exactly the topic with the same name. */
	private static boolean isExact(MqttTopicFilter filter) {
		return !filter.containsWildcards() && !filter.isShared();
	}

	/** All channels of the connection. */
	List<MqttChannel> channels() {
		return this.channels;
	}

	/** The Sparkplug B channels of the edge node a topic belongs to, or {@code null}. */
	SparkplugChannels sparkplug(MqttTopic topic) {
		if (this.sparkplug.isEmpty()) {
			return null;
		}
		String key = SparkplugChannels.key(topic);
		return (key != null) ? this.sparkplug.get(key) : null;
	}

	/** The Sparkplug B channels of every edge node. */
	Collection<SparkplugChannels> sparkplugNodes() {
		return this.sparkplug.values();
	}

	/**
	 * The channels other than Sparkplug B ones whose topic filter matches {@code topic}.
	 */
	List<MqttChannel> channels(MqttTopic topic) {
		List<MqttChannel> named = this.exact.getOrDefault(topic.toString(), List.of());
		if (this.wildcard.isEmpty()) {
			return named;
		}
		List<MqttChannel> matching = new ArrayList<>(named);
		for (MqttChannel channel : this.wildcard) {
			if (channel.topicFilter().matches(topic)) {
				matching.add(channel);
			}
		}
		return matching;
	}

	/**
	 * How many distinct subscribed filters match {@code topic}: the broker may send one
	 * copy of the message per matching subscription (MQTT 5 §3.3.4).
	 */
	int matchingFilters(MqttTopic topic) {
		int matching = this.exact.containsKey(topic.toString()) ? 1 : 0;
		for (MqttTopicFilter filter : this.wildcardFilters) {
			if (filter.matches(topic)) {
				matching++;
			}
		}
		return matching;
	}

}
