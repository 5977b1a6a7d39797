package io.parx.collector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.parx.collector.modbus.TestModbusSlave;
import io.parx.collector.support.RedisServerProcess;
import io.parx.common.collector.CollectorInstance;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #21, collectors with failover: two instances of one collector group as separate
 * processes share its Modbus devices (two j2mod slaves) and simulator channels through
 * leases in Redis; one is killed with SIGKILL, and every channel it held produces Good
 * samples from the other within 15 s; it comes back and gets its share, and the other is
 * stopped cleanly (SIGTERM), releasing its leases at once. The sample stream shows no gap
 * longer than 15 s and no sample twice. The numbers are printed (docs/PERFORMANCE.md,
 * "Collector failover").
 */
class CollectorProcessFailoverTests {

	private static final String PREFIX = "parx-failover-test:";

	private static final RedisKeys KEYS = new RedisKeys(PREFIX);

	private static final long POLL_MS = 200;

	private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(15);

	@TempDir
	Path dir;

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		this.processes.forEach(Process::destroyForcibly);
		// the instances' logs stay for a look after a failure
		Path logs = Path.of("target", "failover-logs", Long.toString(System.currentTimeMillis()));
		Files.createDirectories(logs);
		try (var files = Files.list(this.dir)) {
			for (Path log : files.filter((f) -> f.toString().endsWith(".log")).toList()) {
				Files.copy(log, logs.resolve(log.getFileName()));
			}
		}
	}

	@Test
	void whenOneOfTwoInstancesIsKilledOrStoppedTheOtherTakesItsChannelsOverWithin15SecondsWithoutDuplicates()
			throws Exception {
		try (TestModbusSlave plc1 = new TestModbusSlave(10, 0);
				TestModbusSlave plc2 = new TestModbusSlave(10, 0);
				RedisServerProcess redis = RedisServerProcess.start();
				TestTokens tokens = TestTokens.start()) {
			plc1.holding(0, new int[] { 11, 12 });
			plc2.holding(0, new int[] { 21, 22 });
			TestDatabase configDb = channels(plc1.port(), plc2.port());
			Set<Long> all = channelIds(configDb);
			int portA = RedisServerProcess.freePort();
			int portB = RedisServerProcess.freePort();
			Process a = start(configDb, redis.url(), tokens.jwksUrl(), "a", portA);
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> goodChannels(stream(redis.url())).containsAll(all));
			Process b = start(configDb, redis.url(), tokens.jwksUrl(), "b", portB);
			// b joins: the group's six connections (two devices, four simulator
			// channels) are shared
			awaitShared(redis.url());
			Thread.sleep(3000);
			CollectorInstance heldByA = records(redis.url()).get("a");
			assertThat(status(tokens, portB)).contains("\"instance\":\"b\"")
				.contains("\"otherInstances\":[{\"instance\":\"a\"");

			long killedAtMicros = System.currentTimeMillis() * 1000;
			a.destroyForcibly(); // SIGKILL: no shutdown hook, the leases stay until they
									// expire
			a.waitFor();
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> goodChannels(stream(redis.url()), killedAtMicros).containsAll(all));
			Thread.sleep(3000);
			Map<Long, Long> takeover = takeover(stream(redis.url()), heldByA, killedAtMicros);

			// a comes back and gets its share again; b is stopped cleanly (SIGTERM, as in
			// a rolling update): it releases its leases, a takes over at its next round
			start(configDb, redis.url(), tokens.jwksUrl(), "a", portA);
			awaitShared(redis.url());
			Thread.sleep(3000);
			CollectorInstance heldByB = records(redis.url()).get("b");
			long stoppedAtMicros = System.currentTimeMillis() * 1000;
			b.destroy();
			b.waitFor();
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> goodChannels(stream(redis.url()), stoppedAtMicros).containsAll(all));
			Thread.sleep(3000);

			List<Sample> samples = stream(redis.url());
			Map<Long, Long> handover = takeover(samples, heldByB, stoppedAtMicros);
			Map<Long, Long> maxGap = new TreeMap<>();
			Map<Long, List<Long>> times = new HashMap<>();
			samples.stream()
				.filter(Sample::isGood)
				.forEach((s) -> times.computeIfAbsent(s.channelId(), (k) -> new ArrayList<>()).add(s.timeMicros()));
			int duplicates = 0;
			int nearPairs = 0;
			List<String> near = new ArrayList<>();
			for (var entry : times.entrySet()) {
				List<Long> list = entry.getValue();
				list.sort(null);
				long gap = 0;
				for (int i = 1; i < list.size(); i++) {
					long delta = list.get(i) - list.get(i - 1);
					gap = Math.max(gap, delta);
					if (delta == 0) {
						duplicates++;
					}
					else if (delta < POLL_MS * 1000 / 4) {
						nearPairs++;
						near.add(entry.getKey() + "@" + (list.get(i) - killedAtMicros) / 1000 + "ms");
					}
				}
				maxGap.put(entry.getKey(), gap / 1000);
			}
			System.out.printf("FAILOVER takeover ms per channel of the killed instance %s; of the cleanly stopped one "
					+ "%s; max gap ms per channel %s; samples %d, duplicates %d, pairs closer than a quarter period %d %s "
					+ "(channel@ms after the kill)%n", takeover, handover, maxGap, samples.size(), duplicates,
					nearPairs, near);
			assertThat(takeover).isNotEmpty();
			assertThat(handover).isNotEmpty();
			assertThat(handover.values()).allMatch((ms) -> ms < TAKEOVER_BOUND.toMillis());
			assertThat(takeover.values()).allMatch((ms) -> ms < TAKEOVER_BOUND.toMillis());
			assertThat(maxGap.values()).allMatch((ms) -> ms < TAKEOVER_BOUND.toMillis());
			assertThat(duplicates).isZero();
		}
	}

	@Test
	void anInstancePausedPastItsLeasesPublishesNothingItReadsAfterWakingWhileTheOtherReadsItsDevices()
			throws Exception {
		try (TestModbusSlave plc1 = new TestModbusSlave(10, 0);
				TestModbusSlave plc2 = new TestModbusSlave(10, 0);
				RedisServerProcess redis = RedisServerProcess.start();
				TestTokens tokens = TestTokens.start()) {
			TestDatabase configDb = channels(plc1.port(), plc2.port());
			Set<Long> all = channelIds(configDb);
			Process a = start(configDb, redis.url(), tokens.jwksUrl(), "a", RedisServerProcess.freePort());
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> goodChannels(stream(redis.url())).containsAll(all));
			start(configDb, redis.url(), tokens.jwksUrl(), "b", RedisServerProcess.freePort());
			awaitShared(redis.url());
			Thread.sleep(3000);
			CollectorInstance heldByA = records(redis.url()).get("a");
			List<Long> channelsOfA = heldByA.connections().stream().flatMap((c) -> c.channels().stream()).toList();
			// a stops dead (a long GC pause, a frozen VM) with its devices open
			long pausedAtMicros = System.currentTimeMillis() * 1000;
			signal(a, "STOP");
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> goodChannels(stream(redis.url()), pausedAtMicros + 1_000_000).containsAll(channelsOfA));
			Thread.sleep(2000);
			// a wakes: its poll threads run before its lease keeper notices the leases
			// are gone; what they read must not be published
			long resumedAtMicros = System.currentTimeMillis() * 1000;
			signal(a, "CONT");
			Thread.sleep(6000);
			List<Sample> samples = stream(redis.url());
			long window = 4_000_000;
			Map<Long, Long> counts = new TreeMap<>();
			for (long channel : channelsOfA) {
				counts.put(channel,
						samples.stream()
							.filter((s) -> s.channelId() == channel && s.timeMicros() >= resumedAtMicros
									&& s.timeMicros() < resumedAtMicros + window)
							.count());
			}
			System.out.printf("FAILOVER paused instance: samples per channel in the %d ms after it woke %s "
					+ "(one reader: about %d)%n", window / 1000, counts, window / 1000 / POLL_MS);
			// two readers would give twice the rate
			assertThat(counts.values()).allMatch((n) -> n <= window / 1000 / POLL_MS * 3 / 2);
			assertThat(Files.readString(this.dir.resolve("a.log"))).containsAnyOf("Could not renew the lease",
					"Lost the lease");
			assertThat(duplicates(samples)).isZero();
		}
	}

	private static void signal(Process process, String signal) throws Exception {
		assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
	}

	private static int duplicates(List<Sample> samples) {
		Set<String> seen = new HashSet<>();
		int duplicates = 0;
		for (Sample sample : samples) {
			if (sample.isGood() && !seen.add(sample.channelId() + "@" + sample.timeMicros())) {
				duplicates++;
			}
		}
		return duplicates;
	}

	/** Waits until both instances hold connections and all six are held. */
	private static void awaitShared(String redisUrl) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Map<String, CollectorInstance> records = records(redisUrl);
			return records.containsKey("a") && records.containsKey("b") && !records.get("a").connections().isEmpty()
					&& !records.get("b").connections().isEmpty()
					&& records.values().stream().mapToInt((r) -> r.connections().size()).sum() == 6;
		});
	}

	/**
	 * Per channel the instance held: milliseconds from {@code fromMicros} to its first
	 * Good sample after it.
	 */
	private static Map<Long, Long> takeover(List<Sample> samples, CollectorInstance held, long fromMicros) {
		Map<Long, Long> takeover = new TreeMap<>();
		for (CollectorInstance.HeldConnection connection : held.connections()) {
			for (long channel : connection.channels()) {
				long first = samples.stream()
					.filter((s) -> s.channelId() == channel && s.isGood() && s.timeMicros() > fromMicros)
					.mapToLong(Sample::timeMicros)
					.min()
					.orElseThrow();
				takeover.put(channel, (first - fromMicros) / 1000);
			}
		}
		return takeover;
	}

	/** Two Modbus devices of two channels each and four simulator channels, at 200 ms. */
	private static TestDatabase channels(int port1, int port2) throws Exception {
		TestDatabase configDb = TestDatabases.createConfigDb();
		try (Connection connection = configDb.connect(); Statement statement = connection.createStatement()) {
			int n = 0;
			for (int port : new int[] { port1, port2 }) {
				for (int address = 0; address < 2; address++) {
					statement.execute("insert into channel (name, data_type, poll_interval_ms, protocol, settings) "
							+ "values ('plc-" + n++ + "', 'INT16', " + POLL_MS
							+ ", 'MODBUS_TCP', '{\"host\":\"127.0.0.1\"," + "\"port\":" + port
							+ ",\"unitId\":1,\"address\":" + address + ",\"registerType\":\"HOLDING_REGISTER\"}')");
				}
			}
			for (int i = 0; i < 4; i++) {
				statement.execute("insert into channel (name, data_type, poll_interval_ms, protocol, settings) values "
						+ "('sim-" + i + "', 'FLOAT64', " + POLL_MS + ", 'SIMULATOR', '{\"waveform\":\"COUNTER\"}')");
			}
		}
		return configDb;
	}

	private static Set<Long> channelIds(TestDatabase configDb) throws Exception {
		Set<Long> ids = new HashSet<>();
		try (Connection connection = configDb.connect();
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery("select id from channel")) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	private Process start(TestDatabase configDb, String redisUrl, String jwksUrl, String instance, int port)
			throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				CollectorApplication.class.getName(), "--server.port=" + port,
				"--spring.datasource.url=" + configDb.jdbcUrl(), "--spring.datasource.username=" + configDb.username(),
				"--spring.datasource.password=" + configDb.password(), "--spring.data.redis.url=" + redisUrl,
				"--parx.redis.prefix=" + PREFIX, "--parx.collector.publish.redis-url=" + redisUrl,
				"--parx.collector.failover.enabled=true", "--parx.collector.failover.instance=" + instance,
				"--parx.collector.failover.advertised-url=http://127.0.0.1:" + port,
				"--parx.collector.buffer.directory=" + this.dir.resolve(instance).resolve("buffer"),
				"--parx.security.jwks-url=" + jwksUrl, "--PARX_DATA_DIR=" + this.dir.resolve(instance))
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(instance + ".log").toFile())
			.start();
		this.processes.add(process);
		return process;
	}

	private static String status(TestTokens tokens, int port) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/collector/status"))
					.header("Authorization", "Bearer " + tokens.token("operator", "OPERATOR"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
	}

	private static Map<String, CollectorInstance> records(String url) {
		RedisClient client = RedisClient.create(url);
		try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			Map<String, CollectorInstance> records = new HashMap<>();
			for (String id : connection.sync().smembers(KEYS.collectorInstances("default"))) {
				String json = connection.sync().get(KEYS.collectorInstance("default", id));
				if (json != null) {
					records.put(id, CollectorInstance.fromJson(json));
				}
			}
			return records;
		}
		finally {
			client.shutdown();
		}
	}

	private static Set<Long> goodChannels(List<Sample> samples) {
		return goodChannels(samples, Long.MIN_VALUE);
	}

	private static Set<Long> goodChannels(List<Sample> samples, long afterMicros) {
		Set<Long> good = new HashSet<>();
		samples.stream()
			.filter((s) -> s.isGood() && s.timeMicros() > afterMicros)
			.forEach((s) -> good.add(s.channelId()));
		return good;
	}

	private static List<Sample> stream(String url) {
		RedisClient client = RedisClient.create(url);
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			List<Sample> samples = new ArrayList<>();
			for (StreamMessage<byte[], byte[]> message : connection.sync()
				.xrange(KEYS.samples().getBytes(StandardCharsets.UTF_8), Range.create("-", "+"))) {
				samples.addAll(SampleBatchCodec.decode(message.getBody().values().iterator().next()));
			}
			return samples;
		}
		finally {
			client.shutdown();
		}
	}

}
