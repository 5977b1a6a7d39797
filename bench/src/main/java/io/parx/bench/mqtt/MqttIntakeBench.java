package io.parx.bench.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.bench.plant.StreamGroups;
import io.parx.bench.support.Bench;
import io.parx.bench.support.BenchDatabases;
import io.parx.bench.support.BenchTokens;
import io.parx.bench.support.PrometheusText;
import io.parx.bench.support.ServiceProcess;
import io.parx.common.redis.RedisKeys;

/**
 * MQTT intake at broker speed (issue 22): one value per message on many topics, QoS 1, at
 * fixed rates, through a stock Mosquitto into the real collector and storage engine, with
 * the stored rows counted per channel afterwards.
 *
 * <ol>
 * <li>Configures one MQTT channel per topic {@code <run>/t0..t<n-1>} (a topic prefix of
 * the run's own) and one CONTINUOUS(0) rule over them in a fresh config database, starts
 * the storage engine and the collector from their jars.</li>
 * <li>For each rate: publishes {@code rate} messages per second for {@code duration}
 * seconds from this JVM ({@link TopicLoad}: HiveMQ clients, {@code connections} of them),
 * then waits until the collector has taken no new sample for 3 s.</li>
 * <li>Stops the collector, lets the storage engine drain the stream, and counts the rows
 * of every channel per step (the payload says which step a value belongs to): stored,
 * lost (fewer rows than messages), extra (more: a redelivered message stored twice).</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -B -o -pl collector,storage-engine,bench -am package -DskipTests
 * scripts/bench.sh main io.parx.bench.mqtt.MqttIntakeBench --topics 1000 --rates 3500,5000,7500 \
 *     --duration 30 [--connections 16] [--qos 1] [--heap 512m] [--broker tcp://127.0.0.1:1883] [--collector-jar path]
 *     [--own-broker true [--broker-settings max_queued_messages=1000000,max_queued_bytes=1073741824]]
 * </pre> {@code --own-broker true} starts a Mosquitto of the run's own on a free port
 * ({@link OwnMosquitto}, stock flow control plus the given settings) instead of using the
 * shared one, whose other clients would be measured too. Collector settings can be passed
 * as environment variables of this process ({@code PARX_COLLECTOR_MQTT_*} are handed on).
 * Ends with one line {@code BENCH {json}}; the broker's own drop counter and log notices
 * are reported beside the counts.
 */
public final class MqttIntakeBench {

	private static final String REDIS = Bench.env("PARX_BENCH_REDIS", "redis://127.0.0.1:6379");

	private static final Path MOSQUITTO_LOG = Path
		.of(Bench.env("PARX_BENCH_MOSQUITTO_LOG", "/var/log/mosquitto/mosquitto.log"));

	private MqttIntakeBench() {
	}

	record Plan(int topics, int[] rates, int duration, int connections, int qos, String heap, String host, int port,
			Path collectorJar) {
	}

	/** What one rate step measured. */
	record Step(int rate, long sent, long acknowledged, long failed, double sendSeconds, long collectorReceived,
			double publishP99Ms, double publishMaxMs, double ackP99Ms, double maxUnacknowledged, double brokerCpu,
			double collectorCpu, double storageCpu, long brokerDropped, long dropNotices, long sequenceGaps,
			long outOfOrder, long reconnects, long brokerStoredMax, String loadStart, String loadEnd) {
	}

	/** The scenario's own broker ({@code --own-broker true}), or null for a given one. */
	private static OwnMosquitto ownBroker;

	private static Path mosquittoLog = MOSQUITTO_LOG;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Bench.options(args);
		java.net.URI broker = java.net.URI.create(options.getOrDefault("broker", "tcp://127.0.0.1:1883"));
		Path brokerDirectory = Path.of(System.getProperty("java.io.tmpdir"),
				"parx-bench-mosquitto-" + Long.toString(System.nanoTime(), 36));
		if (Boolean.parseBoolean(options.getOrDefault("own-broker", "false"))) {
			List<String> settings = Arrays.stream(options.getOrDefault("broker-settings", "").split(","))
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.map((line) -> line.replace('=', ' '))
				.toList();
			ownBroker = OwnMosquitto.start(brokerDirectory, settings);
			mosquittoLog = ownBroker.log();
			broker = java.net.URI.create("tcp://127.0.0.1:" + ownBroker.port());
		}
		Plan plan = new Plan(Integer.parseInt(options.getOrDefault("topics", "1000")),
				Arrays.stream(options.getOrDefault("rates", "3500,5000,7500").split(","))
					.mapToInt(Integer::parseInt)
					.toArray(),
				Integer.parseInt(options.getOrDefault("duration", "30")),
				Integer.parseInt(options.getOrDefault("connections", "16")),
				Integer.parseInt(options.getOrDefault("qos", "1")), options.getOrDefault("heap", "512m"),
				broker.getHost(), (broker.getPort() > 0) ? broker.getPort() : 1883,
				Path.of(options.getOrDefault("collector-jar", "collector/target/collector.jar")));
		String run = Long.toString(System.currentTimeMillis(), 36);
		String prefix = "parx-bench-mqtt-" + run + ":";
		String topicPrefix = "bench-" + run;
		String clientId = "parx-bench-intake-" + run;
		Path dataDirectory = Path.of(System.getProperty("java.io.tmpdir"), prefix.replace(':', '-'));
		System.out.printf(
				"# mqtt intake: %d topics %s/t0..t%d, QoS %d, rates %s msgs/s for %d s each, %d publisher"
						+ " connections; load %s%n",
				plan.topics(), topicPrefix, plan.topics() - 1, plan.qos(), Arrays.toString(plan.rates()),
				plan.duration(), plan.connections(), Bench.loadAverage());
		String config = BenchDatabases.createConfig("parx_bench_mqtt_config_" + run);
		String ts = BenchDatabases.createTimeseries("parx_bench_mqtt_ts_" + run);
		RedisClient client = RedisClient.create(REDIS);
		boolean complete;
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
				BenchTokens tokens = new BenchTokens()) {
			IntakeConfig.seed(config, "tcp://" + plan.host() + ":" + plan.port(), clientId, topicPrefix, plan.topics(),
					plan.qos());
			complete = run(plan, run, config, ts, prefix, topicPrefix, clientId, connection.sync(), tokens,
					dataDirectory);
		}
		finally {
			client.shutdown();
			endSession(plan, clientId);
			deleteKeys(prefix);
			deleteDirectory(dataDirectory);
			if (ownBroker != null) {
				ownBroker.close();
				deleteDirectory(brokerDirectory);
			}
			BenchDatabases.drop(ts);
			BenchDatabases.drop(config);
		}
		System.exit(complete ? 0 : 1);
	}

	private static boolean run(Plan plan, String run, String config, String ts, String prefix, String topicPrefix,
			String clientId, RedisCommands<byte[], byte[]> redis, BenchTokens tokens, Path dataDirectory)
			throws Exception {
		String token = tokens.token("bench", "ADMIN");
		byte[] stream = new RedisKeys(prefix).samples().getBytes(StandardCharsets.UTF_8);
		Map<String, String> env = new HashMap<>(Map.of("PARX_CONFIG_DB_URL", config, "PARX_CONFIG_DB_USER", "postgres",
				"PARX_TS_DB_URL", ts, "PARX_TS_DB_USER", "postgres", "PARX_REDIS_URL", REDIS, "PARX_REDIS_PREFIX",
				prefix, "PARX_JWKS_URL", tokens.jwksUrl(), "PARX_DATA_DIR", dataDirectory.toString()));
		System.getenv().forEach((name, value) -> {
			if (name.startsWith("PARX_COLLECTOR_MQTT_")) {
				env.put(name, value);
			}
		});
		List<Step> steps = new ArrayList<>();
		try (BrokerDrops drops = new BrokerDrops(plan.host(), plan.port(), run, mosquittoLog);
				TopicLoad load = new TopicLoad(plan.host(), plan.port(), run, topicPrefix, plan.topics(),
						plan.connections(), MqttQos.fromCode(plan.qos()));
				ServiceProcess storage = ServiceProcess.start("storage-engine", plan.heap(), env)
					.awaitReady(Duration.ofMinutes(2));
				ServiceProcess collector = ServiceProcess.start(plan.collectorJar(), "collector", plan.heap(),
						List.of("-Dparx.collector.mqtt.brokers[0].url=tcp://" + plan.host() + ":" + plan.port(),
								"-Dparx.collector.mqtt.brokers[0].sequence-property=" + TopicLoad.SEQUENCE_PROPERTY),
						env)
					.awaitReady(Duration.ofMinutes(2))) {
			awaitSubscribed(collector, token, load, plan);
			for (int s = 0; s < plan.rates().length; s++) {
				steps.add(step(s + 1, plan, collector, storage, token, load, drops, clientId));
			}
			collector.close();
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (!StreamGroups.of(redis, stream, "storage").drained()) {
				if (System.nanoTime() > deadline || !storage.alive()) {
					throw new IllegalStateException("the storage engine did not drain the stream: "
							+ StreamGroups.of(redis, stream, "storage") + "\n" + storage.tail(40));
				}
				Thread.sleep(500);
			}
		}
		return report(plan, steps, ts);
	}

	/**
	 * Waits until the collector's subscriptions carry messages: one warm-up message per
	 * topic (step 0, not counted) must have reached the collector.
	 */
	private static void awaitSubscribed(ServiceProcess collector, String token, TopicLoad load, Plan plan)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < deadline) {
			load.run(0, plan.topics(), 1);
			Thread.sleep(2000);
			double received = PrometheusText.sum(collector.get("/actuator/prometheus", token),
					"parx_collector_samples_total");
			if (received >= plan.topics()) {
				System.out.printf("# collector subscribed (%,.0f warm-up samples); load %s%n", received,
						Bench.loadAverage());
				return;
			}
		}
		throw new IllegalStateException("the collector received no warm-up messages:\n" + collector.tail(40));
	}

	private static Step step(int step, Plan plan, ServiceProcess collector, ServiceProcess storage, String token,
			TopicLoad load, BrokerDrops drops, String clientId) throws InterruptedException {
		int rate = plan.rates()[step - 1];
		String loadStart = Bench.loadAverage();
		long ackedBefore = load.acknowledged();
		long failedBefore = load.failed();
		long droppedBefore = drops.dropped();
		long noticesBefore = drops.notices(clientId);
		double receivedBefore = received(collector, token);
		String pageBefore = collector.get("/actuator/prometheus", token);
		long reconnectsBefore = reconnects(collector);
		drops.takeStoredMax();
		double collectorCpu = collector.cpuSeconds();
		double storageCpu = storage.cpuSeconds();
		double brokerCpu = brokerCpuSeconds();
		long started = System.nanoTime();
		// The collector's unacknowledged messages, sampled every second: how much of the
		// window the step used.
		double[] maxUnacknowledged = { 0 };
		Thread sampler = Thread.ofVirtual().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(1000);
					double now = PrometheusText.sum(collector.get("/actuator/prometheus", token),
							"parx_collector_mqtt_unacknowledged");
					if (!Double.isNaN(now)) {
						maxUnacknowledged[0] = Math.max(maxUnacknowledged[0], now);
					}
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long sent = load.run(step, rate, plan.duration());
		double sendSeconds = (System.nanoTime() - started) / 1e9;
		// The broker has what it acknowledged; then the collector takes what reaches it.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (load.acknowledged() + load.failed() - ackedBefore - failedBefore < sent
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		double received = received(collector, token);
		long stableSince = System.nanoTime();
		while (System.nanoTime() - stableSince < Duration.ofSeconds(3).toNanos() && System.nanoTime() < deadline) {
			Thread.sleep(500);
			double now = received(collector, token);
			if (now != received) {
				received = now;
				stableSince = System.nanoTime();
			}
		}
		double wall = (System.nanoTime() - started) / 1e9;
		sampler.interrupt();
		// $SYS counters are published every 10 s: wait for one after the step.
		Thread.sleep(11_000);
		String page = collector.get("/actuator/prometheus", token);
		Step result = new Step(rate, sent, load.acknowledged() - ackedBefore, load.failed() - failedBefore, sendSeconds,
				Math.round(received - receivedBefore),
				PrometheusText.quantile(page, "parx_collector_publish_latency_seconds", "0.99") * 1000,
				PrometheusText.sum(page, "parx_collector_publish_latency_seconds_max") * 1000,
				PrometheusText.quantile(page, "parx_collector_mqtt_ack_latency_seconds", "0.99") * 1000,
				maxUnacknowledged[0], (brokerCpuSeconds() - brokerCpu) / wall,
				(collector.cpuSeconds() - collectorCpu) / wall, (storage.cpuSeconds() - storageCpu) / wall,
				(droppedBefore < 0 || drops.dropped() < 0) ? -1 : drops.dropped() - droppedBefore,
				(noticesBefore < 0) ? -1 : drops.notices(clientId) - noticesBefore,
				delta(page, pageBefore, "parx_collector_mqtt_sequence_gaps_total"),
				delta(page, pageBefore, "parx_collector_mqtt_sequence_out_of_order_total"),
				reconnects(collector) - reconnectsBefore, drops.takeStoredMax(), loadStart, Bench.loadAverage());
		System.out.printf("  %,6d msgs/s: sent %,d in %.1f s (broker acked %,d, failed %,d), collector received %,d,"
				+ " publish p99 %.0f ms max %.0f ms, receipt to ack p99 %.0f ms, unacknowledged max %,.0f, cpu broker %.0f%% collector %.0f%% storage %.0f%%, broker dropped"
				+ " %,d (notices %d), sequence gaps %,d, out of order %,d, collector reconnects %d, broker store max %,d,"
				+ " load %s -> %s%n", rate, sent, sendSeconds, result.acknowledged(), result.failed(),
				result.collectorReceived(), result.publishP99Ms(), result.publishMaxMs(), result.ackP99Ms(),
				result.maxUnacknowledged(), result.brokerCpu() * 100, result.collectorCpu() * 100,
				result.storageCpu() * 100, result.brokerDropped(), result.dropNotices(), result.sequenceGaps(),
				result.outOfOrder(), result.reconnects(), result.brokerStoredMax(), loadStart, result.loadEnd());
		return result;
	}

	/**
	 * CPU seconds of the local Mosquitto process so far (NaN when there is none or it
	 * cannot be read): the broker is single-threaded, so at some rate it is the limit.
	 */
	private static double brokerCpuSeconds() {
		if (ownBroker != null) {
			return ownBroker.cpuSeconds();
		}
		return ProcessHandle.allProcesses()
			.filter((
					process) -> process.info().command().map((command) -> command.endsWith("/mosquitto")).orElse(false))
			.findFirst()
			.flatMap((process) -> process.info().totalCpuDuration())
			.map((cpu) -> cpu.toNanos() / 1e9)
			.orElse(Double.NaN);
	}

	private static long delta(String page, String before, String counter) {
		return Math.round(PrometheusText.sum(page, counter) - PrometheusText.sum(before, counter));
	}

	/**
	 * Times the collector's broker connection went down so far (its log): a reconnect
	 * under load ends the window, and the broker keeps only {@code max_queued_messages}
	 * for a session while it is offline.
	 */
	private static long reconnects(ServiceProcess collector) {
		try (Stream<String> lines = Files.lines(collector.log(), StandardCharsets.UTF_8)) {
			return lines.filter((line) -> line.contains("MQTT connection to") && line.contains("down")).count();
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			return -1;
		}
	}

	private static double received(ServiceProcess collector, String token) throws InterruptedException {
		return PrometheusText.sum(collector.get("/actuator/prometheus", token), "parx_collector_samples_total");
	}

	/** Counts the rows of every channel per step and prints the BENCH line. */
	private static boolean report(Plan plan, List<Step> steps, String ts) throws Exception {
		StringJoiner json = new StringJoiner(",", "[", "]");
		int highestZeroLoss = 0;
		boolean complete = true;
		try (Connection connection = BenchDatabases.connect(ts);
				PreparedStatement query = connection.prepareStatement("select channel_id, count(*) from samples "
						+ "where value_num >= ? and value_num < ? group by channel_id")) {
			for (int s = 0; s < steps.size(); s++) {
				Step step = steps.get(s);
				long[] rows = new long[plan.topics()];
				query.setDouble(1, (s + 1) * TopicLoad.STEP_SPAN);
				query.setDouble(2, (s + 2) * TopicLoad.STEP_SPAN);
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						rows[(int) (result.getLong(1) - 1)] = result.getLong(2);
					}
				}
				long stored = 0;
				long lost = 0;
				long extra = 0;
				int channelsLosing = 0;
				for (int t = 0; t < plan.topics(); t++) {
					long expected = step.sent() / plan.topics() + ((t < step.sent() % plan.topics()) ? 1 : 0);
					stored += rows[t];
					lost += Math.max(0, expected - rows[t]);
					extra += Math.max(0, rows[t] - expected);
					channelsLosing += (rows[t] < expected) ? 1 : 0;
				}
				if (lost == 0 && extra == 0 && step.failed() == 0) {
					highestZeroLoss = Math.max(highestZeroLoss, step.rate());
				}
				else {
					complete = false;
				}
				System.out.printf("# %,6d msgs/s: stored %,d of %,d sent: lost %,d (%.2f %%, %d channels), extra %,d%n",
						step.rate(), stored, step.sent(), lost, 100.0 * lost / Math.max(1, step.sent()), channelsLosing,
						extra);
				json.add(String.format(java.util.Locale.ROOT,
						"{\"offeredRate\":%d,\"achievedRate\":%s,\"sent\":%d,\"brokerAcked\":%d,\"publishFailed\":%d,"
								+ "\"collectorReceived\":%d,\"stored\":%d,\"lost\":%d,\"lostPercent\":%s,"
								+ "\"channelsLosing\":%d,\"extra\":%d,\"brokerDropped\":%d,\"dropNotices\":%d,"
								+ "\"sequenceGaps\":%d,\"outOfOrder\":%d,\"reconnects\":%d,\"brokerStoredMax\":%d,"
								+ "\"publishP99Ms\":%s,\"publishMaxMs\":%s,\"ackP99Ms\":%s,\"maxUnacknowledged\":%s,\"brokerCpuPercent\":%s,\"collectorCpuPercent\":%s,"
								+ "\"storageCpuPercent\":%s,\"loadStart\":\"%s\",\"loadEnd\":\"%s\"}",
						step.rate(), Bench.json(step.sent() / step.sendSeconds()), step.sent(), step.acknowledged(),
						step.failed(), step.collectorReceived(), stored, lost,
						Bench.json(100.0 * lost / Math.max(1, step.sent())), channelsLosing, extra,
						step.brokerDropped(), step.dropNotices(), step.sequenceGaps(), step.outOfOrder(),
						step.reconnects(), step.brokerStoredMax(), Bench.json(step.publishP99Ms()),
						Bench.json(step.publishMaxMs()), Bench.json(step.ackP99Ms()),
						Bench.json(step.maxUnacknowledged()), Bench.json(step.brokerCpu() * 100),
						Bench.json(step.collectorCpu() * 100), Bench.json(step.storageCpu() * 100), step.loadStart(),
						step.loadEnd()));
			}
		}
		System.out.printf(
				"BENCH {\"scenario\":\"mqtt-intake\",\"topics\":%d,\"qos\":%d,\"connections\":%d,\"durationSeconds\":%d,"
						+ "\"highestZeroLossRate\":%d,\"steps\":%s}%n",
				plan.topics(), plan.qos(), plan.connections(), plan.duration(), highestZeroLoss, json);
		return complete;
	}

	/**
	 * Ends the collector's persistent session, so the broker keeps nothing of the run.
	 */
	private static void endSession(Plan plan, String clientId) {
		try {
			Mqtt5BlockingClient session = MqttClient.builder()
				.useMqttVersion5()
				.identifier(clientId)
				.serverHost(plan.host())
				.serverPort(plan.port())
				.buildBlocking();
			session.connectWith().cleanStart(true).sessionExpiryInterval(0).send();
			session.disconnect();
		}
		catch (RuntimeException ex) {
			System.out.println("# could not end the collector's broker session: " + ex.getMessage());
		}
	}

	private static void deleteKeys(String prefix) {
		RedisClient client = RedisClient.create(REDIS);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			List<String> keys = connection.sync().keys(prefix + "*");
			if (!keys.isEmpty()) {
				connection.sync().del(keys.toArray(String[]::new));
			}
		}
		finally {
			client.shutdown(0, 2, TimeUnit.SECONDS);
		}
	}

	private static void deleteDirectory(Path directory) throws java.io.IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
