package io.parx.bench.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * What Mosquitto says it dropped: its {@code $SYS/broker/publish/messages/dropped}
 * counter (all clients of the broker, published every {@code sys_interval}, 10 s by
 * default) and the "Outgoing messages are being dropped for client ..." notices its log
 * has for one client (logged once per episode, when the client's queue of
 * {@code max_queued_messages} overflows). The log is read only when this process may read
 * it.
 */
final class BrokerDrops implements AutoCloseable {

	private final Mqtt5AsyncClient client;

	private final Path log;

	private volatile long dropped;

	/** Highest count of messages in the broker's store since {@link #resetStored()}. */
	private final AtomicLong storedMax = new AtomicLong(-1);

	BrokerDrops(String host, int port, String run, Path log) throws Exception {
		this.log = log;
		this.client = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-bench-sys-" + run)
			.serverHost(host)
			.serverPort(port)
			.buildAsync();
		this.client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
		this.client.subscribeWith()
			.topicFilter("$SYS/broker/publish/messages/dropped")
			.qos(MqttQos.AT_MOST_ONCE)
			.callback((publish) -> {
				try {
					this.dropped = Long
						.parseLong(new String(publish.getPayloadAsBytes(), StandardCharsets.US_ASCII).strip());
				}
				catch (NumberFormatException ex) {
					// not a counter: keep the last one
				}
			})
			.send()
			.get(10, TimeUnit.SECONDS);
		// What waits in the broker (queued, or sent and not acknowledged): at QoS 1 the
		// collector's backlog on the broker's side, which the collector cannot see.
		this.client.subscribeWith()
			.topicFilter("$SYS/broker/store/messages/count")
			.qos(MqttQos.AT_MOST_ONCE)
			.callback((publish) -> {
				try {
					long count = Long
						.parseLong(new String(publish.getPayloadAsBytes(), StandardCharsets.US_ASCII).strip());
					this.storedMax.accumulateAndGet(count, Math::max);
				}
				catch (NumberFormatException ex) {
					// not a counter
				}
			})
			.send()
			.get(10, TimeUnit.SECONDS);
		// The retained value follows the SUBACK: the baseline of the first step.
		Thread.sleep(1000);
	}

	/**
	 * The broker's dropped-messages counter last seen; Mosquitto publishes it only once
	 * it is not 0.
	 */
	long dropped() {
		return this.dropped;
	}

	/**
	 * The most messages the broker held in its store since the last call (sampled every
	 * {@code sys_interval}), -1 when it published none; starts the next period.
	 */
	long takeStoredMax() {
		return this.storedMax.getAndSet(-1);
	}

	/** Drop notices in the broker's log for {@code clientId}, -1 when unreadable. */
	long notices(String clientId) {
		if (!Files.isReadable(this.log)) {
			return -1;
		}
		String needle = "Outgoing messages are being dropped for client " + clientId;
		try (var lines = Files.lines(this.log, StandardCharsets.ISO_8859_1)) {
			return lines.filter((line) -> line.contains(needle)).count();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return -1;
		}
	}

	@Override
	public void close() {
		this.client.disconnect();
	}

}
