package io.parx.collector.mqtt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.hivemq.client.mqtt.datatypes.MqttTopic;

/**
 * Drops the extra copies a broker sends when a topic matches several subscriptions of one
 * client. MQTT 5 §3.3.4 lets the server deliver one copy per matching subscription
 * (Mosquitto does); the engine already routes each message to every matching channel, so
 * a second copy would double every sample. Copies of one message arrive back to back, so
 * a copy is recognised as the same topic and payload as the message before it, while
 * copies are still expected.
 */
final class OverlapFilter {

	private final Map<String, Pending> pending = new HashMap<>();

	/**
	 * Whether this message is an extra copy of the previous one.
	 * @param topic the message topic
	 * @param payload the message payload
	 * @param matchingFilters how many of the connection's subscribed filters match the
	 * topic
	 */
	synchronized boolean isCopy(MqttTopic topic, byte[] payload, int matchingFilters) {
		String key = topic.toString();
		Pending previous = this.pending.get(key);
		if (previous != null && previous.remaining > 0 && Arrays.equals(previous.payload, payload)) {
			previous.remaining--;
			if (previous.remaining == 0) {
				this.pending.remove(key);
			}
			return true;
		}
		if (matchingFilters > 1) {
			this.pending.put(key, new Pending(payload, matchingFilters - 1));
		}
		else {
			this.pending.remove(key);
		}
		return false;
	}

	private static final class Pending {

		private final byte[] payload;

		private int remaining;

		Pending(byte[] payload, int remaining) {
			this.payload = payload;
			this.remaining = remaining;
		}

	}

}
