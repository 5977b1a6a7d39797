package io.parx.bench.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * One value per message on many topics at a fixed rate, as plant gateways send it: a
 * single pacing thread sends, every millisecond, the messages that are due by then, topic
 * after topic round robin, spread over several HiveMQ client connections (one connection
 * alone is limited by the broker's in-flight window for its QoS 1 publishes). The payload
 * is the plain number {@code step * 10,000,000 + n}, {@code n} counting the messages of
 * that topic within the step, so stored rows can be attributed to their step. Every
 * message also carries the user property {@code seq}, counting that topic's messages from
 * 1 over the whole run, as a publisher that numbers its messages would: the collector
 * counts the numbers it never saw ({@code parx.collector.mqtt.sequence.gaps}).
 */
final class TopicLoad implements AutoCloseable {

	static final long STEP_SPAN = 10_000_000L;

	static final String SEQUENCE_PROPERTY = "seq";

	private final List<Mqtt5AsyncClient> clients = new ArrayList<>();

	private final String[] topics;

	private final MqttQos qos;

	private final LongAdder acknowledged = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private long sent;

	/** Messages sent so far per topic: the next one's number minus one. */
	private final long[] sequences;

	TopicLoad(String host, int port, String run, String topicPrefix, int topics, int connections, MqttQos qos)
			throws Exception {
		this.topics = new String[topics];
		this.sequences = new long[topics];
		for (int t = 0; t < topics; t++) {
			this.topics[t] = topicPrefix + "/t" + t;
		}
		this.qos = qos;
		for (int c = 0; c < connections; c++) {
			Mqtt5AsyncClient client = MqttClient.builder()
				.useMqttVersion5()
				.identifier("parx-bench-load-" + run + "-" + c)
				.serverHost(host)
				.serverPort(port)
				.buildAsync();
			client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
			this.clients.add(client);
		}
	}

	/**
	 * Sends {@code rate} messages per second for {@code seconds}, every topic in turn.
	 * @return the messages sent
	 */
	long run(int step, int rate, int seconds) {
		long total = (long) rate * seconds;
		long start = System.nanoTime();
		long sentInStep = 0;
		while (sentInStep < total) {
			long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
			while (sentInStep < due) {
				int topic = (int) (sentInStep % this.topics.length);
				long value = step * STEP_SPAN + sentInStep / this.topics.length;
				send(this.topics[topic], Long.toString(value), ++this.sequences[topic]);
				sentInStep++;
			}
			LockSupport.parkNanos(1_000_000);
		}
		return sentInStep;
	}

	private void send(String topic, String payload, long sequence) {
		Mqtt5AsyncClient client = this.clients.get((int) (this.sent++ % this.clients.size()));
		client.publishWith()
			.topic(topic)
			.userProperties()
			.add(SEQUENCE_PROPERTY, Long.toString(sequence))
			.applyUserProperties()
			.qos(this.qos)
			.payload(payload.getBytes(StandardCharsets.US_ASCII))
			.send()
			.whenComplete((result, ex) -> {
				if (ex != null || result.getError().isPresent()) {
					this.failed.increment();
				}
				else {
					this.acknowledged.increment();
				}
			});
	}

	/** Messages the broker acknowledged (QoS 1) or the client wrote (QoS 0). */
	long acknowledged() {
		return this.acknowledged.sum();
	}

	long failed() {
		return this.failed.sum();
	}

	@Override
	public void close() {
		for (Mqtt5AsyncClient client : this.clients) {
			client.disconnect();
		}
	}

}
