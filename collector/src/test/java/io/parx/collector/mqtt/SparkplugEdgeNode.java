package io.parx.collector.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.parx.db.test.TestServices;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;

import static org.awaitility.Awaitility.await;

/**
 * A Sparkplug B edge node for tests, on the real Mosquitto, whose payloads Eclipse Tahu's
 * own builder and encoder make: what a plant's edge node sends, not what the collector's
 * decoder expects. It numbers its messages itself (seq 0 in NBIRTH, then 1, 2, ...)
 * unless a test sends a gap, and records the commands (NCMD) it receives.
 */
final class SparkplugEdgeNode implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(30);

	final String groupId = "parx-test-" + TestServices.RUN_ID + "-" + UUID.randomUUID().toString().substring(0, 8);

	final String edgeNodeId = "gw";

	private final Mqtt5BlockingClient client;

	private final List<SparkplugBPayload> commands = new CopyOnWriteArrayList<>();

	private final List<String> commandTopics = new CopyOnWriteArrayList<>();

	private long seq;

	private long bdSeq;

	SparkplugEdgeNode() {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		this.client = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-test-edge-" + UUID.randomUUID().toString().substring(0, 8))
			.serverHost(mosquitto.host())
			.serverPort(mosquitto.port())
			.buildBlocking();
		this.client.connect();
		this.client.toAsync()
			.subscribeWith()
			.topicFilter("spBv1.0/" + this.groupId + "/+/" + this.edgeNodeId + "/#")
			.callback((publish) -> {
				String type = publish.getTopic().getLevels().get(2);
				if (type.endsWith("CMD")) {
					try {
						this.commands
							.add(new SparkplugBPayloadDecoder().buildFromByteArray(publish.getPayloadAsBytes(), null));
						this.commandTopics.add(publish.getTopic().toString());
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
			})
			.send()
			.join();
	}

	/** A metric with name, alias, type, value and source time, as a birth declares it. */
	static Metric declared(String name, long alias, MetricDataType type, Object value, Instant time) {
		try {
			return new MetricBuilder(name, type, value).alias(alias).timestamp(Date.from(time)).createMetric();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A metric by alias only, as data messages send it after the birth. */
	static Metric byAlias(long alias, MetricDataType type, Object value, Instant time) {
		try {
			return new MetricBuilder(alias, type, value).timestamp(Date.from(time)).createMetric();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends NDATA until the host asks for a rebirth (it does for data without a birth),
	 * which proves its subscription is in place, then answers with the NBIRTH.
	 */
	void awaitHostAndBeBorn(Metric... metrics) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			publish("NDATA", null, payload(this.seq++, List.of()));
			return rebirthRequests() > 0;
		});
		nbirth(metrics);
	}

	void nbirth(Metric... metrics) {
		this.seq = 0;
		this.bdSeq++;
		List<Metric> all = new ArrayList<>(List.of(metrics));
		all.add(0, declared("bdSeq", 0, MetricDataType.Int64, this.bdSeq, Instant.now()));
		publish("NBIRTH", null, payload(next(), all));
	}

	void ndata(Metric... metrics) {
		publish("NDATA", null, payload(next(), List.of(metrics)));
	}

	/** NDATA with a sequence number of the test's choosing (a gap). */
	void ndataWithSeq(long seq, Metric... metrics) {
		publish("NDATA", null, payload(seq, List.of(metrics)));
		this.seq = (seq + 1) % 256;
	}

	void ndeath() {
		ndeath(this.bdSeq);
	}

	/**
	 * NDEATH with a bdSeq of the test's choosing (e.g. a late Will of an old session).
	 */
	void ndeath(long bdSeq) {
		SparkplugBPayload payload = new SparkplugBPayloadBuilder().setTimestamp(new Date())
			.addMetric(declared("bdSeq", 0, MetricDataType.Int64, bdSeq, Instant.now()))
			.createPayload();
		publish("NDEATH", null, payload);
	}

	void dbirth(String deviceId, Metric... metrics) {
		publish("DBIRTH", deviceId, payload(next(), List.of(metrics)));
	}

	void ddata(String deviceId, Metric... metrics) {
		publish("DDATA", deviceId, payload(next(), List.of(metrics)));
	}

	void ddeath(String deviceId) {
		publish("DDEATH", deviceId, payload(next(), List.of()));
	}

	/** The NCMDs with {@code Node Control/Rebirth} = true received so far. */
	long rebirthRequests() {
		return this.commands.stream()
			.filter((command) -> command.getMetrics()
				.stream()
				.anyMatch((metric) -> "Node Control/Rebirth".equals(metric.getName())
						&& Boolean.TRUE.equals(metric.getValue())))
			.count();
	}

	List<SparkplugBPayload> commands() {
		return List.copyOf(this.commands);
	}

	List<String> commandTopics() {
		return List.copyOf(this.commandTopics);
	}

	private long next() {
		long current = this.seq;
		this.seq = (this.seq + 1) % 256;
		return current;
	}

	private static SparkplugBPayload payload(long seq, List<Metric> metrics) {
		return new SparkplugBPayloadBuilder(seq).setTimestamp(new Date()).addMetrics(metrics).createPayload();
	}

	private void publish(String type, String deviceId, SparkplugBPayload payload) {
		String topic = "spBv1.0/" + this.groupId + "/" + type + "/" + this.edgeNodeId
				+ ((deviceId != null) ? "/" + deviceId : "");
		try {
			this.client.publishWith()
				.topic(topic)
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(new SparkplugBPayloadEncoder().getBytes(payload, false))
				.send();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.client.disconnect();
	}

}
