package io.parx.storage.failover;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import io.parx.db.test.TimeseriesBackend;
import io.parx.storage.support.ConfigFixtures;
import io.parx.storage.support.EngineProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21, "Storage engines": several instances with stateful rules store the same
 * result as one. Two storage engines (child JVMs) share one stream and database; the one
 * consuming is killed with SIGKILL mid-stream, the other takes over and the killed one
 * comes back as standby; the new holder is frozen with SIGSTOP past its lease (the other
 * takes over, and what it does on waking is fenced off); the holder is then stopped with
 * SIGTERM, handing the stream back. A single engine then stores the same input in a
 * database of its own: samples (CHANGE with deadband, TRIGGER and EVENT rules), batches,
 * alarm journal and rule state must be identical. An acknowledgement asked of the standby
 * is applied by the holder.
 */
class StorageFailoverProcessTests {

	private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

	/** Stream entries, one per second of source time. */
	private static final int SECONDS = 1200;

	@TempDir
	Path dir;

	@Test
	void twoEnginesWithOneKilledAndOneStoppedStoreWhatOneEngineStores() throws Exception {
		TestDatabase configDb = TestDatabases.createConfigDb();
		TestDatabase failoverDb = TestDatabases.createTimeseriesDb(TimeseriesBackend.TIMESCALE);
		TestDatabase referenceDb = TestDatabases.createTimeseriesDb(TimeseriesBackend.TIMESCALE);
		Plant plant = new Plant(new ConfigFixtures(configDb));
		List<byte[]> entries = new ArrayList<>();
		for (int s = 0; s < SECONDS; s++) {
			entries.add(SampleBatchCodec.encode(plant.entry(s)));
		}
		RedisKeys keys = new RedisKeys(TestServices.redisPrefix() + "failover:");
		RedisKeys referenceKeys = new RedisKeys(TestServices.redisPrefix() + "failover-reference:");
		try (TestTokens tokens = TestTokens.start();
				StatefulRedisConnection<byte[], byte[]> redis = RedisClient.create(TestServices.redis().url())
					.connect(ByteArrayCodec.INSTANCE);
				EngineProcess a = new EngineProcess(configDb, failoverDb, tokens.jwksUrl(), keys, this.dir, "a");
				EngineProcess b = new EngineProcess(configDb, failoverDb, tokens.jwksUrl(), keys, this.dir, "b")) {
			String operator = tokens.token("operator", "OPERATOR");
			a.start();
			awaitConsuming(a, operator);
			b.start();
			assertThat(status(b, operator)).contains("\"consuming\":false").contains("\"leaseHolder\":\"a\"");

			AtomicInteger produced = new AtomicInteger();
			AtomicBoolean producing = new AtomicBoolean(true);
			Thread producer = Thread.ofPlatform().name("failover-producer").start(() -> {
				for (byte[] entry : entries) {
					if (!producing.get()) {
						return;
					}
					xadd(redis, keys, entry);
					produced.incrementAndGet();
					sleep(40);
				}
			});
			try {
				await().atMost(Duration.ofMinutes(2)).until(() -> stored(failoverDb) > 0 && produced.get() > 250);
				a.kill();
				long killed = System.nanoTime();
				awaitConsuming(b, operator);
				Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
				a.start();
				assertThat(status(a, operator)).contains("\"consuming\":false").contains("\"leaseHolder\":\"b\"");
				// frozen past its lease: a takes over, and b's work after waking is
				// fenced off
				b.pause();
				long paused = System.nanoTime();
				awaitConsuming(a, operator);
				Duration afterPause = Duration.ofNanos(System.nanoTime() - paused);
				Thread.sleep(2000);
				b.resume();
				await("b standing by after waking").atMost(Duration.ofSeconds(30))
					.until(() -> status(b, operator).contains("\"consuming\":false"));
				assertThat(b.log()).contains("Lost the ingest lease: stopped consuming, standing by");
				a.stop();
				long stopped = System.nanoTime();
				awaitConsuming(b, operator);
				Duration handover = Duration.ofNanos(System.nanoTime() - stopped);
				System.out.printf("# takeover after SIGKILL %d ms, after SIGSTOP %d ms, after SIGTERM %d ms%n",
						takeover.toMillis(), afterPause.toMillis(), handover.toMillis());
				assertThat(takeover).as("takeover after SIGKILL").isLessThan(Duration.ofSeconds(15));
				assertThat(afterPause).as("takeover after SIGSTOP").isLessThan(Duration.ofSeconds(15));
				assertThat(handover).as("takeover after SIGTERM").isLessThan(Duration.ofSeconds(5));
				producer.join(Duration.ofMinutes(3));
				assertThat(produced.get()).isEqualTo(SECONDS);
				a.start();
				await("every entry stored").atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> EngineProcess.consumed(redis, keys));
			}
			finally {
				producing.set(false);
				producer.join(Duration.ofSeconds(10));
			}

			try (EngineProcess reference = new EngineProcess(configDb, referenceDb, tokens.jwksUrl(), referenceKeys,
					this.dir, "reference")) {
				for (byte[] entry : entries) {
					xadd(redis, referenceKeys, entry);
				}
				reference.start();
				await("the reference engine stored everything").atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> EngineProcess.consumed(redis, referenceKeys));
			}
			for (String table : List.of("samples", "batch", "alarm_journal", "storage_rule_state")) {
				List<String> expected = rows(referenceDb, table);
				assertThat(expected).as("reference rows of %s", table).isNotEmpty();
				assertThat(rows(failoverDb, table)).as("%s after the failovers", table)
					.containsExactlyElementsOf(expected);
			}
			assertThat(rows(failoverDb, "samples").size()).as("rows stored").isLessThan(plant.samples());

			// the standby (a) hands an acknowledgement to the holder (b)
			assertThat(status(a, operator)).contains("\"consuming\":false");
			long alarm = plant.activeAlarm(failoverDb);
			HttpResponse<String> acknowledged = a.post("/api/v1/alarms/" + alarm + "/acknowledge", operator,
					"{\"comment\":\"seen on the standby\"}");
			assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
			assertThat(acknowledged.body()).contains("\"acknowledgedBy\":\"operator\"");
			assertThat(rows(failoverDb, "alarm_journal")).anyMatch((row) -> row.contains("ACKNOWLEDGED")
					&& row.contains("seen on the standby") && row.startsWith(alarm + " "));
			HttpResponse<String> again = a.post("/api/v1/alarms/" + alarm + "/acknowledge", operator, "{}");
			assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
		}
		finally {
			redis(keys, referenceKeys);
		}
	}

	private static void awaitConsuming(EngineProcess engine, String token) {
		await(engine.name() + " consuming").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> status(engine, token).contains("\"consuming\":true"));
	}

	private static String status(EngineProcess engine, String token) {
		return engine.get("/api/v1/storage/status", token).replace(" ", "");
	}

	private static void xadd(StatefulRedisConnection<byte[], byte[]> redis, RedisKeys keys, byte[] entry) {
		redis.sync()
			.xadd(keys.samples().getBytes(StandardCharsets.UTF_8),
					Map.of(RedisKeys.BATCH_FIELD.getBytes(StandardCharsets.UTF_8), entry));
	}

	private static long stored(TestDatabase db) throws SQLException {
		return Long.parseLong(query(db, "select count(*) from samples").get(0));
	}

	/** A table's rows as text, in a fixed order, without generated ids. */
	private static List<String> rows(TestDatabase db, String table) throws SQLException {
		return query(db, switch (table) {
			case "samples" -> "select channel_id, time, value_num, value_bool, quality from samples order by 1, 2";
			case "batch" -> "select definition_id, name, start_time, end_time from batch order by 1, 3";
			case "alarm_journal" ->
				"select definition_id, time, event, state, value_num, username, comment from alarm_journal order by 1, 2, 3";
			case "storage_rule_state" -> "select * from storage_rule_state order by 1, 2, 3";
			default -> throw new IllegalArgumentException(table);
		});
	}

	private static List<String> query(TestDatabase db, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= columns; c++) {
					Object value = rs.getObject(c);
					row.append((c > 1) ? " " : "")
						.append((value instanceof byte[] bytes) ? java.util.HexFormat.of().formatHex(bytes) : value);
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	private static void redis(RedisKeys... all) {
		try (StatefulRedisConnection<String, String> redis = RedisClient.create(TestServices.redis().url()).connect()) {
			for (RedisKeys keys : all) {
				redis.sync()
					.del(keys.samples(), keys.activeAlarms(), keys.storageLease(), keys.samplesQuarantine(),
							keys.storageAlarmCommands());
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Channels under every stateful rule: CHANGE with a deadband (20 channels, each with
	 * a HI alarm with an on-delay), TRIGGER while a temperature is above 50 (5 members),
	 * EVENT on a rising gate (2 members) and a batch per coil number.
	 */
	private static final class Plant {

		final long[] changing = new long[20];

		final long temperature;

		final long[] triggered = new long[5];

		final long gate;

		final long[] evented = new long[2];

		final long coil;

		Plant(ConfigFixtures config) {
			for (int i = 0; i < this.changing.length; i++) {
				this.changing[i] = config.channel();
				config.alarm(this.changing[i], "HI", 75.0, 5, null, 2000, 0, "{value}");
			}
			config.rule("CHANGE", "{\"deadband\":5,\"deadbandType\":\"ABSOLUTE\"}", this.changing);
			this.temperature = config.channel();
			for (int i = 0; i < this.triggered.length; i++) {
				this.triggered[i] = config.channel();
			}
			config.rule("TRIGGER", "{\"formula\":\"#" + this.temperature + " > 50\",\"store\":\"WHILE_TRUE\"}",
					this.triggered);
			this.gate = config.channel();
			this.evented[0] = config.channel();
			this.evented[1] = config.channel();
			config.rule("EVENT", "{\"conditionChannelId\":" + this.gate + ",\"edge\":\"RISING\"}", this.evented);
			this.coil = config.channel();
			config.valueChangeBatch(this.coil);
		}

		List<Sample> entry(int second) {
			Instant time = T0.plusSeconds(second);
			List<Sample> entry = new ArrayList<>();
			for (int i = 0; i < this.changing.length; i++) {
				// a saw of 0..100 in steps of 3, phase-shifted per channel
				entry.add(Sample.of(this.changing[i], time, 3.0 * ((second + 7 * i) % 34)));
			}
			entry.add(Sample.of(this.temperature, time, 40.0 + (second % 50)));
			for (int i = 0; i < this.triggered.length; i++) {
				entry.add(Sample.of(this.triggered[i], time, second * 0.5 + i));
			}
			entry.add(Sample.of(this.gate, time, ((second / 7) % 2 == 0) ? 0.0 : 1.0));
			for (int i = 0; i < this.evented.length; i++) {
				entry.add(Sample.of(this.evented[i], time, second + 100.0 * i));
			}
			entry.add(Sample.of(this.coil, time, (double) (second / 90)));
			return entry;
		}

		int samples() {
			return SECONDS * (this.changing.length + this.triggered.length + this.evented.length + 3);
		}

		long activeAlarm(TestDatabase db) throws SQLException {
			List<String> active = query(db,
					"select definition_id from alarm_state where state = 'ACTIVE_UNACKED' order by 1 limit 1");
			assertThat(active).as("an unacknowledged active alarm").isNotEmpty();
			return Long.parseLong(active.get(0));
		}

	}

}
