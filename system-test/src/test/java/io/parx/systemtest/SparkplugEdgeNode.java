package io.parx.systemtest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.parx.db.test.TestServices;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;

/**
 * A Sparkplug B edge node with a device, its payloads made by Eclipse Tahu's builder:
 * data every 200 ms, and its births (NBIRTH, DBIRTH) whenever it is asked for them (NCMD
 * {@code Node Control/Rebirth}), as a real edge node does.
 */
final class SparkplugEdgeNode implements AutoCloseable {

	static final String ID = "gw";

	final String group;

	private final Mqtt5AsyncClient client;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();

	private final AtomicInteger ticks = new AtomicInteger();

	private long seq;

	SparkplugEdgeNode(String group) {
		this.group = group;
		URI uri = URI.create(TestServices.mosquitto().serverUri());
		this.client = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-systest-edge-" + UUID.randomUUID().toString().substring(0, 8))
			.serverHost(uri.getHost())
			.serverPort(uri.getPort())
			.buildAsync();
		this.client.connect().join();
		this.client.subscribeWith()
			.topicFilter("spBv1.0/" + group + "/NCMD/" + ID)
			.callback((publish) -> this.timer.execute(this::beBorn))
			.send()
			.join();
	}

	void start() {
		this.timer.scheduleAtFixedRate(this::sendData, 0, 200, TimeUnit.MILLISECONDS);
	}

	private void beBorn() {
		this.seq = 0;
		Date now = new Date();
		send("NBIRTH/" + ID, List.of(metric("bdSeq", null, MetricDataType.Int64, 0L, now),
				metric("Line1/Speed", 1L, MetricDataType.Float, speed(), now)));
		send("DBIRTH/" + ID + "/Press", List.of(metric("Pressure", 2L, MetricDataType.Double, pressure(), now)));
	}

	private void sendData() {
		int tick = this.ticks.incrementAndGet();
		Date now = new Date();
		// by alias, as after a birth
		send("NDATA/" + ID, List.of(metric(null, 1L, MetricDataType.Float, speed() + tick % 10, now)));
		send("DDATA/" + ID + "/Press", List.of(metric(null, 2L, MetricDataType.Double, pressure() + tick, now)));
	}

	private static float speed() {
		return 1.5f;
	}

	private static double pressure() {
		return 3.25;
	}

	private static Metric metric(String name, Long alias, MetricDataType type, Object value, Date time) {
		try {
			MetricBuilder builder = (name != null) ? new MetricBuilder(name, type, value)
					: new MetricBuilder(alias, type, value);
			if (name != null && alias != null) {
				builder.alias(alias);
			}
			return builder.timestamp(time).createMetric();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void send(String typeAndIds, List<Metric> metrics) {
		try {
			byte[] payload = this.encoder.getBytes(new SparkplugBPayloadBuilder(this.seq).setTimestamp(new Date())
				.addMetrics(new ArrayList<>(metrics))
				.createPayload(), false);
			this.seq = (this.seq + 1) % 256;
			String[] parts = typeAndIds.split("/", 2);
			this.client.publishWith()
				.topic("spBv1.0/" + this.group + "/" + parts[0] + "/" + parts[1])
				.qos(MqttQos.AT_MOST_ONCE)
				.payload(payload)
				.send();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.client.disconnect();
	}

}
