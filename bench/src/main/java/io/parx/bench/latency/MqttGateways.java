package io.parx.bench.latency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * Simulated MQTT gateways: each publishes all its tags {@code rate} times per second (QoS
 * 1) as one JSON record or one message per tag ({@link GatewayPlant}), every tag changed,
 * stamped with the time of the change in microseconds. Gateways are spread evenly over
 * the period, as independent devices would be, rather than all firing at once.
 *
 * <p>
 * Counts what it produced inside a measurement window selected by the record's own time,
 * the same selection the receivers make ({@code SampleWindow}), so produced and received
 * compare exactly.
 */
final class MqttGateways implements AutoCloseable {

	private final GatewayPlant plant;

	private final int rate;

	/** Per gateway: how many dashboard deliveries one record of it should cause. */
	private final long[] deliveriesPerRecord;

	private final List<Mqtt5AsyncClient> clients = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bench-gateways").factory());

	private final LongAdder published = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder windowRecords = new LongAdder();

	private final LongAdder windowDeliveries = new LongAdder();

	private volatile long fromMicros = Long.MAX_VALUE;

	private volatile long toMicros = Long.MIN_VALUE;

	MqttGateways(GatewayPlant plant, URI broker, String run, int rate, long[] deliveriesPerRecord) throws Exception {
		this.plant = plant;
		this.rate = rate;
		this.deliveriesPerRecord = deliveriesPerRecord;
		for (int g = 0; g < plant.gateways(); g++) {
			Mqtt5AsyncClient client = MqttClient.builder()
				.useMqttVersion5()
				.identifier("parx-bench-gw-" + run + "-" + g)
				.serverHost(broker.getHost())
				.serverPort((broker.getPort() > 0) ? broker.getPort() : 1883)
				.buildAsync();
			client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
			this.clients.add(client);
		}
	}

	void start() {
		long periodMicros = 1_000_000L / this.rate;
		for (int g = 0; g < this.clients.size(); g++) {
			int gateway = g;
			this.scheduler.scheduleAtFixedRate(() -> publish(gateway), periodMicros * g / this.clients.size(),
					periodMicros, TimeUnit.MICROSECONDS);
		}
	}

	/** Counts records whose time lies in {@code [from, to)} from now on. */
	void window(long from, long to) {
		this.toMicros = to;
		this.fromMicros = from;
	}

	private void publish(int gateway) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
		if (micros >= this.fromMicros && micros < this.toMicros) {
			this.windowRecords.increment();
			this.windowDeliveries.add(this.deliveriesPerRecord[gateway]);
		}
		if (this.plant.perTag()) {
			for (int t = 0; t < this.plant.tags(); t++) {
				send(gateway, this.plant.topic(gateway, t),
						"{\"time\":\"" + now + "\",\"value\":" + value(micros, t) + "}");
			}
			return;
		}
		StringBuilder json = new StringBuilder(16 * this.plant.tags() + 64);
		json.append("{\"time\":\"").append(now).append("\",\"tags\":{");
		for (int t = 0; t < this.plant.tags(); t++) {
			json.append((t > 0) ? ",\"" : "\"").append(GatewayPlant.tagName(t)).append("\":");
			json.append(value(micros, t));
		}
		json.append("}}");
		send(gateway, this.plant.topic(gateway), json.toString());
	}

	/** Every tag changes on every update. */
	private static double value(long micros, int tag) {
		return Math.round(Math.sin(micros / 1e6 + tag) * 100_000) / 1000.0;
	}

	private void send(int gateway, String topic, String payload) {
		this.clients.get(gateway)
			.publishWith()
			.topic(topic)
			.qos(MqttQos.AT_LEAST_ONCE)
			.payload(payload.getBytes(StandardCharsets.UTF_8))
			.send()
			.whenComplete((result, ex) -> {
				if (ex != null || result.getError().isPresent()) {
					this.failed.increment();
				}
			});
		this.published.increment();
	}

	long published() {
		return this.published.sum();
	}

	long failed() {
		return this.failed.sum();
	}

	/** Records produced inside the window. */
	long windowRecords() {
		return this.windowRecords.sum();
	}

	/** Samples the dashboards should receive from the window's records. */
	long windowDeliveries() {
		return this.windowDeliveries.sum();
	}

	void stop() throws InterruptedException {
		this.scheduler.shutdown();
		this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		stop();
		for (Mqtt5AsyncClient client : this.clients) {
			client.disconnect();
		}
	}

}
