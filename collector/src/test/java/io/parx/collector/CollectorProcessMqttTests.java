package io.parx.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.collector.support.RedisServerProcess;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 22, end to end: the whole collector as a child process subscribed to the real
 * Mosquitto (stock settings) with MQTT channels from a config database, publishing into a
 * Redis of the test's own. Every message the broker acknowledged to the publisher must
 * reach the sample stream, also when the collector is killed with SIGKILL while its
 * batches wait for Redis (messages acknowledged before they were durable would be lost),
 * and when messages come faster than the broker's default in-flight window of 20 and
 * queue of 1,000 would carry with acknowledgements sent one by one. Both failed with the
 * intake before issue 22.
 */
class CollectorProcessMqttTests {

	private static final String PREFIX = "parx-mqtt-process-test:";

	@TempDir
	Path dir;

	private final List<Process> processes = new ArrayList<>();

	private final List<Mqtt5AsyncClient> publishers = new ArrayList<>();

	private String run;

	private String base;

	private String clientId;

	@BeforeEach
	void names() {
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.base = "parx-test/" + TestServices.RUN_ID + "/" + this.run;
		this.clientId = "parx-test-proc-" + this.run;
	}

	@AfterEach
	void cleanUp() {
		this.processes.forEach(Process::destroyForcibly);
		this.publishers.forEach(Mqtt5AsyncClient::disconnect);
		// End the collector's persistent session, so the broker keeps nothing of the
		// test.
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		Mqtt5BlockingClient session = MqttClient.builder()
			.useMqttVersion5()
			.identifier(this.clientId)
			.serverHost(mosquitto.host())
			.serverPort(mosquitto.port())
			.buildBlocking();
		session.connectWith().cleanStart(true).sessionExpiryInterval(0).send();
		session.disconnect();
	}

	@Test
	void aCollectorKilledWithSigkillWhileRedisHoldsItsBatchesLosesNoMessageTheBrokerDelivered() throws Exception {
		TestDatabase configDb = channels(100);
		try (RedisServerProcess redis = RedisServerProcess.start(); TestTokens tokens = TestTokens.start()) {
			Process first = start(configDb, redis.url(), tokens.jwksUrl(), "first");
			awaitSubscribed(redis.url(), 100);
			Load load = new Load(publishers(2), 100);
			load.send(0, 1500, 1000);
			// Redis stops answering: the collector's round trip hangs (its timeout is
			// long),
			// so what arrives now is received but not durable when the collector dies.
			pause(redis.url(), Duration.ofSeconds(8));
			long pausedAt = System.nanoTime();
			load.send(1500, 3000, 1000);
			first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
			first.waitFor();
			await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged() == 3000);
			Thread.sleep(Math.max(0, Duration.ofSeconds(9).toMillis() - (System.nanoTime() - pausedAt) / 1_000_000));

			start(configDb, redis.url(), tokens.jwksUrl(), "second");
			await().atMost(Duration.ofMinutes(2)).until(() -> missing(stream(redis.url()), 0, 3000) == 0);
			load.send(3000, 4000, 1000);
			await().atMost(Duration.ofMinutes(1)).until(() -> missing(stream(redis.url()), 0, 4000) == 0);
			// At least once: a message may come twice (durable, but its acknowledgement
			// had
			// not left when the collector died), never not at all.
			assertThat(counts(stream(redis.url()))).hasSize(4000);
		}
	}

	@Test
	void aBurstFasterThanTheBrokersDefaultWindowArrivesCompletely() throws Exception {
		TestDatabase configDb = channels(1000);
		try (RedisServerProcess redis = RedisServerProcess.start(); TestTokens tokens = TestTokens.start()) {
			start(configDb, redis.url(), tokens.jwksUrl(), "burst");
			awaitSubscribed(redis.url(), 1000);
			// As fast as four connections can publish: with a window of 20 and
			// acknowledgements after each message the broker's queue of 1,000 overflowed
			// and it dropped messages.
			Load load = new Load(publishers(4), 1000);
			load.send(0, 40_000, 0);
			await().atMost(Duration.ofMinutes(1)).until(() -> load.acknowledged() == 40_000);
			await().atMost(Duration.ofMinutes(2)).until(() -> missing(stream(redis.url()), 0, 40_000) == 0);
			assertThat(counts(stream(redis.url())).values()).allMatch((count) -> count == 1);
		}
	}

	/** A config database with {@code count} MQTT channels on topics t0.. of the test. */
	private TestDatabase channels(int count) throws Exception {
		TestDatabase configDb = TestDatabases.createConfigDb();
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		try (Connection connection = configDb.connect();
				PreparedStatement insert = connection.prepareStatement(
						"insert into channel (name, data_type, protocol, settings) select 'mqtt-' || t, 'FLOAT64', "
								+ "'MQTT', jsonb_build_object('brokerUrl', ?, 'clientId', ?, 'topic', ? || '/t' || t, "
								+ "'qos', 1, 'payloadFormat', 'NUMBER') from generate_series(0, ? - 1) t")) {
			insert.setString(1, mosquitto.serverUri());
			insert.setString(2, this.clientId);
			insert.setString(3, this.base);
			insert.setInt(4, count);
			insert.executeUpdate();
		}
		return configDb;
	}

	private Process start(TestDatabase configDb, String redisUrl, String jwksUrl, String name) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				CollectorApplication.class.getName(), "--server.port=0",
				"--spring.datasource.url=" + configDb.jdbcUrl(), "--spring.datasource.username=" + configDb.username(),
				"--spring.datasource.password=" + configDb.password(), "--spring.data.redis.url=" + redisUrl,
				"--parx.redis.prefix=" + PREFIX, "--parx.collector.publish.redis-url=" + redisUrl,
				"--parx.collector.publish.command-timeout=30s",
				"--parx.collector.buffer.directory=" + this.dir.resolve("buffer"),
				"--parx.collector.mqtt.session-expiry=10m", "--parx.security.jwks-url=" + jwksUrl,
				"--PARX_DATA_DIR=" + this.dir.resolve("data"))
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(name + ".log").toFile())
			.start();
		this.processes.add(process);
		return process;
	}

	/**
	 * Publishes a probe (-1) on every topic until each has reached the stream: the
	 * subscriptions are in place and the session exists on the broker.
	 */
	private void awaitSubscribed(String redisUrl, int topics) throws Exception {
		Load probes = new Load(publishers(1), topics);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			probes.probe();
			return stream(redisUrl).stream()
				.filter((sample) -> sample.isGood() && sample.value().asDouble() == -1)
				.map(Sample::channelId)
				.distinct()
				.count() == topics;
		});
	}

	private List<Mqtt5AsyncClient> publishers(int count) throws Exception {
		TestServices.Mosquitto mosquitto = TestServices.mosquitto();
		List<Mqtt5AsyncClient> clients = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			Mqtt5AsyncClient client = MqttClient.builder()
				.useMqttVersion5()
				.identifier("parx-test-load-" + this.run + "-" + this.publishers.size())
				.serverHost(mosquitto.host())
				.serverPort(mosquitto.port())
				.buildAsync();
			client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
			clients.add(client);
			this.publishers.add(client);
		}
		return clients;
	}

	/** Makes Redis hold every command of every client for {@code duration}. */
	private static void pause(String url, Duration duration) {
		RedisClient client = RedisClient.create(url);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientPause(duration.toMillis());
		}
		finally {
			client.shutdown();
		}
	}

	/** Values {@code from..to-1} not in the stream. */
	private static long missing(List<Sample> samples, long from, long to) {
		Map<Long, Integer> counts = counts(samples);
		long missing = 0;
		for (long value = from; value < to; value++) {
			if (!counts.containsKey(value)) {
				missing++;
			}
		}
		return missing;
	}

	/** How often each published value (not the probes) is in the stream. */
	private static Map<Long, Integer> counts(List<Sample> samples) {
		Map<Long, Integer> counts = new TreeMap<>();
		for (Sample sample : samples) {
			if (sample.isGood() && sample.value().asDouble() >= 0) {
				counts.merge((long) sample.value().asDouble(), 1, Integer::sum);
			}
		}
		return counts;
	}

	private static List<Sample> stream(String url) {
		RedisClient client = RedisClient.create(url);
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			List<Sample> samples = new ArrayList<>();
			for (StreamMessage<byte[], byte[]> message : connection.sync()
				.xrange(new RedisKeys(PREFIX).samples().getBytes(StandardCharsets.UTF_8), Range.create("-", "+"))) {
				samples.addAll(SampleBatchCodec.decode(message.getBody().values().iterator().next()));
			}
			return samples;
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * QoS 1 messages on topics t0..t(n-1) round robin, the payload the message's number,
	 * counting what the broker acknowledged.
	 */
	private final class Load {

		private final List<Mqtt5AsyncClient> clients;

		private final int topics;

		private final AtomicLong sent = new AtomicLong();

		private final AtomicLong acknowledged = new AtomicLong();

		Load(List<Mqtt5AsyncClient> clients, int topics) {
			this.clients = clients;
			this.topics = topics;
		}

		/** Sends {@code from..to-1}, {@code rate} per second (0: as fast as possible). */
		void send(long from, long to, int rate) {
			long start = System.nanoTime();
			for (long value = from; value < to; value++) {
				if (rate > 0) {
					long due = start + (value - from) * 1_000_000_000L / rate;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
				}
				publish((int) (value % this.topics), Long.toString(value), true);
				this.sent.incrementAndGet();
			}
		}

		void probe() {
			for (int t = 0; t < this.topics; t++) {
				publish(t, "-1", false);
			}
		}

		private void publish(int topic, String payload, boolean count) {
			this.clients.get(topic % this.clients.size())
				.publishWith()
				.topic(CollectorProcessMqttTests.this.base + "/t" + topic)
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(payload.getBytes(StandardCharsets.US_ASCII))
				.send()
				.whenComplete((result, ex) -> {
					if (count && ex == null && result.getError().isEmpty()) {
						this.acknowledged.incrementAndGet();
					}
				});
		}

		long sent() {
			return this.sent.get();
		}

		long acknowledged() {
			return this.acknowledged.get();
		}

	}

}
