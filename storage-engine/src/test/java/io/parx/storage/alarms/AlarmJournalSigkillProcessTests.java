package io.parx.storage.alarms;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import io.parx.db.test.TimeseriesBackend;
import io.parx.storage.StorageEngineApplication;
import io.parx.storage.support.ConfigFixtures;
import io.parx.storage.support.EngineProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "How it is checked": "kill -9 of the evaluating service in the middle of an
 * alarm burst and a restart: the journal holds each transition exactly once". The storage
 * engine runs as a child JVM (the application's main class on the test class path, as the
 * collector's process tests do) against TimescaleDB, the config database and Redis; a
 * producer feeds a burst of samples that drive 400 alarms (HI, LO, HI with on- and
 * off-delay, BAD_QUALITY) through tens of thousands of transitions; the engine is killed
 * with SIGKILL twice mid-burst and restarted. Expected transitions come from a reference
 * model in this class, independent of the evaluator: every alarm's journal must be
 * exactly the model's sequence (nothing lost, nothing raised twice), its stored state the
 * model's last one, and the Redis active list and {@code GET /api/v1/alarms/active} must
 * hold exactly the alarms the model leaves active.
 */
class AlarmJournalSigkillProcessTests {

	private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

	private static final int CHANNELS = 100;

	/** Stream entries, one per second of source time with one sample per channel. */
	private static final int SECONDS = 1000;

	private static final RedisKeys KEYS = new RedisKeys(TestServices.redisPrefix() + "alarm-sigkill:");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path dir;

	@Test
	void aStorageEngineKilledTwiceMidAlarmBurstJournalsEveryTransitionExactlyOnce() throws Exception {
		TestDatabase configDb = TestDatabases.createConfigDb();
		TestDatabase timeseriesDb = TestDatabases.createTimeseriesDb(TimeseriesBackend.TIMESCALE);
		ConfigFixtures config = new ConfigFixtures(configDb);
		List<Model> models = new ArrayList<>();
		long[] channels = new long[CHANNELS];
		for (int c = 0; c < CHANNELS; c++) {
			channels[c] = config.channel("sigkill-" + c + "-" + System.nanoTime());
			models.add(new Model(config.alarm(channels[c], "HI", 75.0, 20, null, 0, 0, "{value}"), Kind.HI, 0, 0));
			models.add(new Model(config.alarm(channels[c], "LO", 25.0, 10, null, 0, 0, "{value}"), Kind.LO, 0, 0));
			models.add(new Model(config.alarm(channels[c], "HI", 65.0, 0, null, 2000, 1000, "{value}"), Kind.HI_65,
					2_000_000, 1_000_000));
			models.add(new Model(config.alarm(channels[c], "BAD_QUALITY", null, 0, null, 0, 0, "{value}"), Kind.BAD, 0,
					0));
		}
		List<List<Sample>> entries = new ArrayList<>();
		for (int s = 0; s < SECONDS; s++) {
			List<Sample> entry = new ArrayList<>(CHANNELS);
			for (int c = 0; c < CHANNELS; c++) {
				entry.add(sample(channels[c], c, s));
			}
			entries.add(entry);
		}
		for (List<Sample> entry : entries) {
			for (int c = 0; c < CHANNELS; c++) {
				for (int a = 0; a < 4; a++) {
					models.get(4 * c + a).accept(entry.get(c));
				}
			}
		}
		int expected = models.stream().mapToInt((m) -> m.journal.size()).sum();
		// a burst far beyond a plant's: a third of the samples makes a transition
		assertThat(expected).isGreaterThan(30_000);

		try (TestTokens tokens = TestTokens.start();
				StatefulRedisConnection<byte[], byte[]> redis = RedisClient.create(TestServices.redis().url())
					.connect(ByteArrayCodec.INSTANCE)) {
			EngineProcess engine = new EngineProcess(configDb, timeseriesDb, tokens.jwksUrl(), KEYS, this.dir,
					"alarm-sigkill");
			AtomicInteger produced = new AtomicInteger();
			AtomicBoolean producing = new AtomicBoolean(true);
			engine.start();
			Thread producer = Thread.ofPlatform().name("alarm-burst").start(() -> {
				// 50 entries (5,000 samples) a second, as a collector would send them,
				// also
				// while the engine is down
				for (List<Sample> entry : entries) {
					if (!producing.get()) {
						return;
					}
					redis.sync()
						.xadd(KEYS.samples().getBytes(StandardCharsets.UTF_8),
								Map.of(RedisKeys.BATCH_FIELD.getBytes(StandardCharsets.UTF_8),
										SampleBatchCodec.encode(entry)));
					produced.incrementAndGet();
					sleep(20);
				}
			});
			try {
				long atFirstKill = killWhenJournalReaches(engine, timeseriesDb, expected / 5);
				engine.start();
				long atRestart = journalCount(timeseriesDb);
				long atSecondKill = killWhenJournalReaches(engine, timeseriesDb, atRestart + expected / 10);
				System.out.printf("# killed at %d and %d of %d journal entries; %d of %d entries produced%n",
						atFirstKill, atSecondKill, expected, produced.get(), SECONDS);
				assertThat(atFirstKill).as("the first kill fell mid-burst").isBetween(1L, expected - 1L);
				assertThat(atSecondKill).as("the second kill fell mid-burst").isBetween(atFirstKill, expected - 1L);
				engine.start();
				producer.join(Duration.ofMinutes(5));
				assertThat(produced.get()).isEqualTo(SECONDS);
				await("every entry acknowledged").atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> EngineProcess.consumed(redis, KEYS));

				Map<Long, List<String>> journal = journal(timeseriesDb);
				assertThat(journal.values().stream().mapToInt(List::size).sum()).as("journal entries")
					.isEqualTo(expected);
				for (Model model : models) {
					assertThat(journal.getOrDefault(model.definitionId, List.of()))
						.as("journal of %s alarm %d", model.kind, model.definitionId)
						.containsExactlyElementsOf(model.journal);
				}
				Map<Long, String> states = states(timeseriesDb);
				TreeSet<Long> active = new TreeSet<>();
				for (Model model : models) {
					assertThat(states.get(model.definitionId)).as("state of alarm %d", model.definitionId)
						.isEqualTo(model.state);
					if (!model.state.equals("NORMAL")) {
						active.add(model.definitionId);
					}
				}
				assertThat(active).isNotEmpty();
				await("the Redis active list").atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(activeInRedis(redis)).isEqualTo(active));
				String body = engine.get("/api/v1/alarms/active", tokens.token("operator", "OPERATOR"));
				TreeSet<Long> listed = new TreeSet<>();
				java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"definitionId\":(\\d+)").matcher(body);
				while (ids.find()) {
					listed.add(Long.parseLong(ids.group(1)));
				}
				assertThat(listed).as("GET /api/v1/alarms/active").isEqualTo(active);
			}
			finally {
				producing.set(false);
				producer.join(Duration.ofSeconds(10));
				engine.close();
				redis.sync()
					.del(KEYS.samples().getBytes(StandardCharsets.UTF_8),
							KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8),
							KEYS.samplesQuarantine().getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	/**
	 * A triangle of 0 to 100 in steps of 10 over 20 s, phase-shifted per channel, and a
	 * Bad sample without value every 37th second.
	 */
	private static Sample sample(long channelId, int channelIndex, int second) {
		Instant time = T0.plusSeconds(second);
		if ((second + channelIndex) % 37 == 0) {
			return Sample.failed(channelId, time, Quality.BAD_TIMEOUT);
		}
		int k = (second + 3 * channelIndex) % 20;
		return Sample.of(channelId, time, 10.0 * ((k <= 10) ? k : 20 - k));
	}

	/** Waits until the journal holds at least this many entries, then SIGKILLs. */
	private static long killWhenJournalReaches(EngineProcess engine, TestDatabase db, long entries) throws Exception {
		await("journal entries before the kill").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> engine.alive() && journalCount(db) >= entries);
		engine.kill();
		return journalCount(db);
	}

	private static long journalCount(TestDatabase db) throws SQLException {
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from alarm_journal")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Each alarm's journal as {@code time event state}, in time order. */
	private static Map<Long, List<String>> journal(TestDatabase db) throws SQLException {
		Map<Long, List<String>> journal = new HashMap<>();
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select definition_id, time, event, state from alarm_journal order by definition_id, time")) {
			while (rs.next()) {
				journal.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(rs.getTimestamp(2).toInstant() + " " + rs.getString(3) + " " + rs.getString(4));
			}
		}
		return journal;
	}

	private static Map<Long, String> states(TestDatabase db) throws SQLException {
		Map<Long, String> states = new TreeMap<>();
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select definition_id, state from alarm_state")) {
			while (rs.next()) {
				states.put(rs.getLong(1), rs.getString(2));
			}
		}
		return states;
	}

	private static TreeSet<Long> activeInRedis(StatefulRedisConnection<byte[], byte[]> redis) {
		TreeSet<Long> ids = new TreeSet<>();
		for (byte[] key : redis.sync().hkeys(KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8))) {
			ids.add(Long.parseLong(new String(key, StandardCharsets.UTF_8)));
		}
		return ids;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private enum Kind {

		HI, LO, HI_65, BAD

	}

	/**
	 * The reference model of one alarm without acknowledgements (README "Alarms"): a
	 * condition that disagrees with the state from a sample on must still disagree at a
	 * sample at least the delay later; a sample without value says nothing to a limit
	 * alarm.
	 */
	private static final class Model {

		final long definitionId;

		final Kind kind;

		final long onDelayMicros;

		final long offDelayMicros;

		final List<String> journal = new ArrayList<>();

		String state = "NORMAL";

		Long pendingSince;

		Model(long definitionId, Kind kind, long onDelayMicros, long offDelayMicros) {
			this.definitionId = definitionId;
			this.kind = kind;
			this.onDelayMicros = onDelayMicros;
			this.offDelayMicros = offDelayMicros;
		}

		void accept(Sample sample) {
			boolean active = this.state.startsWith("ACTIVE");
			Boolean inAlarm = condition(sample, active);
			if (inAlarm == null) {
				return;
			}
			long time = sample.timeMicros();
			if (inAlarm == active) {
				this.pendingSince = null;
				return;
			}
			long since = (this.pendingSince != null) ? this.pendingSince : time;
			if (time - since < (active ? this.offDelayMicros : this.onDelayMicros)) {
				this.pendingSince = since;
				return;
			}
			this.pendingSince = null;
			this.state = active ? "RETURNED_UNACKED" : "ACTIVE_UNACKED";
			this.journal.add(Instant.ofEpochSecond(0, time * 1000) + " " + (active ? "RETURNED" : "ACTIVATED") + " "
					+ this.state);
		}

		private Boolean condition(Sample sample, boolean active) {
			boolean bad = Quality.isBad(sample.quality());
			if (this.kind == Kind.BAD) {
				return bad;
			}
			if (bad) {
				return null;
			}
			double value = ((io.parx.common.sample.SampleValue.Numeric) sample.value()).value();
			return switch (this.kind) {
				case HI -> active ? value > 55 : value > 75;
				case LO -> active ? value < 35 : value < 25;
				case HI_65 -> value > 65;
				case BAD -> throw new IllegalStateException();
			};
		}

	}

}
