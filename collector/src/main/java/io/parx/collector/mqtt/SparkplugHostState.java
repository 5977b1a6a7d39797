package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;

import io.parx.common.config.channel.SparkplugMetric;

/**
 * The Sparkplug B 3.0 STATE message of a primary host application (§5.2,
 * {@code spBv1.0/STATE/<host id>}): UTF-8 JSON {@code {"online":true,"timestamp":...}},
 * QoS 1, retained; edge nodes configured with this host id publish their births only
 * while it is online. The payload is two fields, written here rather than through a JSON
 * mapper.
 */
final class SparkplugHostState {

	private SparkplugHostState() {
	}

	static String topic(String hostId) {
		return SparkplugMetric.NAMESPACE + "/STATE/" + hostId;
	}

	static byte[] payload(boolean online, long timestamp) {
		return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
	}

}
