package io.parx.bench.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;

import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.BenchTokens;
import io.parx.bench.support.ServiceProcess;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;

/**
 * Sparkplug B ingest (issue 20): one edge node publishes NDATA messages of many metrics
 * each, by alias as Sparkplug edge nodes do after their birth, through Mosquitto into the
 * real {@code collector.jar}, which reads one channel per metric and writes the samples
 * to the Redis sample stream; afterwards every stream entry is decoded and the samples
 * are counted.
 * <ol>
 * <li>A fresh config database with one FLOAT64 MQTT channel per metric, payload format
 * {@code SPARKPLUG_B} (group {@code bench-<run>}, edge node {@code gw}); the collector
 * from its jar.</li>
 * <li>The edge node (HiveMQ client, payloads from Eclipse Tahu's builder and encoder)
 * sends NDATA until the collector asks for a rebirth, which proves the subscription, and
 * answers with the NBIRTH (names, aliases, types).</li>
 * <li>For {@code duration} seconds: {@code rate} NDATA per second, each with every metric
 * by alias and its own timestamp, QoS 0 (Sparkplug 3.0 §4.2); CPU of the collector, the
 * broker and this JVM (the edge node) is recorded.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -B -pl collector,bench -am package -DskipTests -Dfrontend.skip=true
 * scripts/bench.sh main io.parx.bench.mqtt.SparkplugIngestBench --metrics 1000 --rate 100 --duration 30 \
 *     [--broker tcp://127.0.0.1:1883] [--heap 512m] [--collector-jar path]
 * </pre> Defaults: 1,000 metrics x 100 NDATA/s = 100,000 metrics/s for 30 s. Ends with
 * one line {@code BENCH {json}}.
 */
public final class SparkplugIngestBench {

	private static final String REDIS = Bench.env("PARX_BENCH_REDIS", "redis://127.0.0.1:6379");

	private SparkplugIngestBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		int metrics = Integer.parseInt(options.getOrDefault("metrics", "1000"));
		int rate = Integer.parseInt(options.getOrDefault("rate", "100"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
		java.net.URI broker = java.net.URI.create(options.getOrDefault("broker", "tcp://127.0.0.1:1883"));
		String run = Long.toString(System.currentTimeMillis(), 36);
		String prefix = "parx-bench-sparkplug-" + run + ":";
		String group = "bench-" + run;
		Path dataDirectory = Path.of(System.getProperty("java.io.tmpdir"), prefix.replace(':', '-'));
		System.out.printf("# sparkplug ingest: %,d metrics x %d NDATA/s = %,d metrics/s for %d s; load %s%n", metrics,
				rate, (long) metrics * rate, duration, Bench.loadAverage());
		String config = BenchDatabases.createConfig("parx_bench_sparkplug_config_" + run);
		RedisClient redisClient = RedisClient.create(REDIS);
		Mqtt5AsyncClient edge = MqttClient.builder()
			.useMqttVersion5()
			.identifier("parx-bench-edge-" + run)
			.serverHost(broker.getHost())
			.serverPort((broker.getPort() > 0) ? broker.getPort() : 1883)
			.buildAsync();
		boolean complete = false;
		try (StatefulRedisConnection<byte[], byte[]> connection = redisClient.connect(ByteArrayCodec.INSTANCE);
				BenchTokens tokens = new BenchTokens()) {
			seed(config, broker.toString(), group, metrics);
			Map<String, String> env = Map.of("PARX_CONFIG_DB_URL", config, "PARX_CONFIG_DB_USER", "postgres",
					"PARX_REDIS_URL", REDIS, "PARX_REDIS_PREFIX", prefix, "PARX_JWKS_URL", tokens.jwksUrl(),
					"PARX_DATA_DIR", dataDirectory.toString());
			try (ServiceProcess collector = ServiceProcess
				.start(Path.of(options.getOrDefault("collector-jar", "collector/target/collector.jar")), "collector",
						options.getOrDefault("heap", "512m"), List.of(), env)
				.awaitReady(Duration.ofMinutes(2))) {
				edge.connect().join();
				EdgeNode node = new EdgeNode(edge, group, metrics);
				node.awaitHostAndBeBorn();
				LockSupport.parkNanos(Duration.ofSeconds(2).toNanos()); // the birth's
																		// samples
				byte[] stream = new RedisKeys(prefix).samples().getBytes(StandardCharsets.UTF_8);
				RedisCommands<byte[], byte[]> redis = connection.sync();
				long before = count(redis, stream).samples();
				double collectorCpu = collector.cpuSeconds();
				double brokerCpu = brokerCpuSeconds();
				long benchCpu = Bench.processCpuNanos();
				long started = System.nanoTime();
				long sent = node.publish(rate, duration);
				double sendSeconds = (System.nanoTime() - started) / 1e9;
				// until the stream stops growing: the collector has written what reached
				// it
				Counted counted = count(redis, stream);
				for (long last = -1; counted.samples() != last;) {
					last = counted.samples();
					LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
					counted = count(redis, stream);
				}
				double wall = (System.nanoTime() - started) / 1e9;
				double collectorCpuSeconds = collector.cpuSeconds() - collectorCpu;
				double collectorCpuPercent = 100 * collectorCpuSeconds / wall;
				double brokerCpuPercent = 100 * (brokerCpuSeconds() - brokerCpu) / wall;
				double benchCpuPercent = 100 * (Bench.processCpuNanos() - benchCpu) / 1e9 / wall;
				long expected = sent * metrics;
				long stored = counted.samples() - before;
				double cpuMicrosPerMetric = collectorCpuSeconds * 1e6 / Math.max(1, stored);
				System.out.printf(Locale.ROOT,
						"sent %,d NDATA (%,d metrics) in %.1f s = %,.0f metrics/s; in the stream %,d samples "
								+ "(%,d good), lost %,d (%.3f %%); cpu collector %.0f%% (%.1f us per metric) broker %.0f%% edge node "
								+ "(this JVM) %.0f%% of one core; load %s%n",
						sent, expected, sendSeconds, expected / sendSeconds, stored, counted.good() - before,
						expected - stored, 100.0 * (expected - stored) / Math.max(1, expected), collectorCpuPercent,
						cpuMicrosPerMetric, brokerCpuPercent, benchCpuPercent, Bench.loadAverage());
				System.out.printf(Locale.ROOT,
						"BENCH {\"scenario\":\"sparkplug-ingest\",\"metrics\":%d,\"ndataPerSecond\":%d,"
								+ "\"offeredMetricsPerSecond\":%s,\"sentMetrics\":%d,\"streamSamples\":%d,\"lost\":%d,"
								+ "\"collectorCpuPercent\":%s,\"collectorCpuMicrosPerMetric\":%s,\"brokerCpuPercent\":%s,"
								+ "\"edgeNodeCpuPercent\":%s}%n",
						metrics, rate, Bench.json(expected / sendSeconds), expected, stored, expected - stored,
						Bench.json(collectorCpuPercent), Bench.json(cpuMicrosPerMetric), Bench.json(brokerCpuPercent),
						Bench.json(benchCpuPercent));
				complete = stored == expected;
			}
		}
		finally {
			edge.disconnect();
			redisClient.shutdown();
			BenchDatabases.drop(config);
		}
		System.exit(complete ? 0 : 1);
	}

	/**
	 * One FLOAT64 Sparkplug B channel per metric {@code m<i>} of edge node {@code gw}.
	 */
	private static void seed(String configUrl, String brokerUrl, String group, int metrics) throws Exception {
		try (Connection connection = BenchDatabases.connect(configUrl);
				PreparedStatement insert = connection
					.prepareStatement("insert into channel (id, name, data_type, protocol, settings, tags) "
							+ "select 1 + m, 'sparkplug-' || m, 'FLOAT64', 'MQTT', "
							+ "jsonb_build_object('brokerUrl', ?, 'payloadFormat', 'SPARKPLUG_B', 'groupId', ?, "
							+ "'edgeNodeId', 'gw', 'metricName', 'm' || m), '{sparkplug-bench}' "
							+ "from generate_series(0, ? - 1) m")) {
			insert.setString(1, brokerUrl);
			insert.setString(2, group);
			insert.setInt(3, metrics);
			insert.executeUpdate();
		}
	}

	record Counted(long samples, long good) {
	}

	/** Decodes every entry of the stream and counts its samples. */
	private static Counted count(RedisCommands<byte[], byte[]> redis, byte[] stream) {
		long samples = 0;
		long good = 0;
		Range.Boundary<String> from = Range.Boundary.unbounded();
		while (true) {
			List<StreamMessage<byte[], byte[]>> entries = redis.xrange(stream,
					Range.from(from, Range.Boundary.unbounded()), io.lettuce.core.Limit.from(1000));
			for (StreamMessage<byte[], byte[]> entry : entries) {
				for (byte[] value : entry.getBody().values()) {
					for (Sample sample : SampleBatchCodec.decode(value)) {
						samples++;
						good += sample.isGood() ? 1 : 0;
					}
				}
			}
			if (entries.size() < 1000) {
				return new Counted(samples, good);
			}
			from = Range.Boundary.excluding(entries.getLast().getId());
		}
	}

	private static double brokerCpuSeconds() {
		return ProcessHandle.allProcesses()
			.filter((
					process) -> process.info().command().map((command) -> command.endsWith("/mosquitto")).orElse(false))
			.findFirst()
			.flatMap((process) -> process.info().totalCpuDuration())
			.map((cpu) -> cpu.toNanos() / 1e9)
			.orElse(Double.NaN);
	}

	/** The edge node: births, data by alias, its sequence numbers. */
	private static final class EdgeNode {

		private final Mqtt5AsyncClient client;

		private final String group;

		private final int metrics;

		private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();

		private final AtomicLong rebirths = new AtomicLong();

		private long seq;

		EdgeNode(Mqtt5AsyncClient client, String group, int metrics) {
			this.client = client;
			this.group = group;
			this.metrics = metrics;
			client.subscribeWith()
				.topicFilter("spBv1.0/" + group + "/NCMD/gw")
				.callback((publish) -> this.rebirths.incrementAndGet())
				.send()
				.join();
		}

		void awaitHostAndBeBorn() throws Exception {
			long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			while (this.rebirths.get() == 0) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the collector asked for no rebirth: is it subscribed?");
				}
				send("NDATA", new ArrayList<>());
				Thread.sleep(200);
			}
			this.seq = 0;
			List<Metric> birth = new ArrayList<>();
			birth.add(new MetricBuilder("bdSeq", MetricDataType.Int64, 0L).createMetric());
			for (int m = 0; m < this.metrics; m++) {
				birth.add(new MetricBuilder("m" + m, MetricDataType.Double, 0.0).alias((long) m + 1).createMetric());
			}
			send("NBIRTH", birth);
			System.out.printf("# edge node born after %d rebirth request(s)%n", this.rebirths.get());
		}

		/**
		 * {@code rate} NDATA per second for {@code seconds}; returns how many were sent.
		 */
		long publish(int rate, int seconds) throws Exception {
			long period = 1_000_000_000L / rate;
			long next = System.nanoTime();
			long total = (long) rate * seconds;
			for (long i = 0; i < total; i++) {
				Date now = new Date();
				List<Metric> data = new ArrayList<>(this.metrics);
				for (int m = 0; m < this.metrics; m++) {
					data.add(new MetricBuilder((long) m + 1, MetricDataType.Double, (double) (i % 1000) + m)
						.timestamp(now)
						.createMetric());
				}
				send("NDATA", data);
				next += period;
				LockSupport.parkNanos(next - System.nanoTime());
			}
			return total;
		}

		private void send(String type, List<Metric> metrics) throws Exception {
			byte[] payload = this.encoder.getBytes(
					new SparkplugBPayloadBuilder(this.seq).setTimestamp(new Date()).addMetrics(metrics).createPayload(),
					false);
			this.seq = (this.seq + 1) % 256;
			this.client.publishWith()
				.topic("spBv1.0/" + this.group + "/" + type + "/gw")
				.qos(MqttQos.AT_MOST_ONCE)
				.payload(payload)
				.send();
		}

	}

}
