package io.parx.bench.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

/**
 * The demo plant's MQTT gateway: publishes every state on the broker under a topic prefix
 * (default {@code parx-demo/}):
 * <ul>
 * <li>{@code <prefix>furnace/temperature}: number (°C)</li>
 * <li>{@code <prefix>line/speed}: number (m/s)</li>
 * <li>{@code <prefix>coil/id}: string, e.g. {@code C100001}</li>
 * <li>{@code <prefix>furnace/alarm}: {@code true}/{@code false}</li>
 * <li>{@code <prefix>line/state}: JSON
 * {@code {"time":"…","temperature":…,"speed":…,"coil":"…","alarm":…}}</li>
 * </ul>
 * The coil id is published retained, so a subscriber learns the current coil at once;
 * closing the device clears it.
 */
public final class MqttDevice implements AutoCloseable {

	private final Mqtt5BlockingClient client;

	private final String prefix;

	public MqttDevice(String brokerUrl, String prefix) {
		URI uri = URI.create(brokerUrl);
		this.prefix = prefix;
		this.client = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-demo-plant-" + UUID.randomUUID())
			.serverHost(uri.getHost())
			.serverPort((uri.getPort() > 0) ? uri.getPort() : 1883)
			.automaticReconnectWithDefaultConfig()
			.buildBlocking();
		this.client.connect();
	}

	public String prefix() {
		return this.prefix;
	}

	/** Publishes one state of the plant. */
	public void update(PlantSimulation.State state) {
		publish("furnace/temperature", Double.toString(state.furnaceTemperature()), false);
		publish("line/speed", Double.toString(state.lineSpeed()), false);
		publish("coil/id", state.coilId(), true);
		publish("furnace/alarm", Boolean.toString(state.alarm()), false);
		publish("line/state",
				String.format(Locale.ROOT,
						"{\"time\":\"%s\",\"temperature\":%s,\"speed\":%s,\"coil\":\"%s\",\"alarm\":%s}", state.time(),
						state.furnaceTemperature(), state.lineSpeed(), state.coilId(), state.alarm()),
				false);
	}

	private void publish(String topic, String payload, boolean retain) {
		this.client.publishWith()
			.topic(this.prefix + topic)
			.qos(MqttQos.AT_LEAST_ONCE)
			.retain(retain)
			.payload(payload.getBytes(StandardCharsets.UTF_8))
			.send();
	}

	/**
	 * Clears the retained coil id (no current coil once the plant is gone) and
	 * disconnects.
	 */
	@Override
	public void close() {
		if (this.client.getState().isConnected()) {
			try {
				this.client.publishWith()
					.topic(this.prefix + "coil/id")
					.qos(MqttQos.AT_LEAST_ONCE)
					.retain(true)
					.payload(new byte[0])
					.send();
			}
			finally {
				this.client.disconnect();
			}
		}
	}

}
