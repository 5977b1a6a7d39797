package io.parx.storage.alarms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.parx.common.alarm.ActiveAlarm;
import io.parx.common.alarm.AlarmChanged;
import io.parx.common.config.ConfigChanged;
import io.parx.common.sample.Sample;
import io.parx.db.test.TestServices;
import io.parx.storage.AbstractIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live side of the alarms (issue 19, "Live"): after the transaction that journaled a
 * transition commits, the storage engine keeps the Redis active list current and
 * announces the transition, for the data-router's WebSocket.
 */
class LiveAlarmsIntegrationTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-11-03T06:00:00Z");

	private static RedisClient client;

	private static StatefulRedisPubSubConnection<String, String> subscription;

	private static final BlockingQueue<AlarmChanged> announced = new LinkedBlockingQueue<>();

	@LocalServerPort
	int port;

	@Autowired
	AlarmCatalog alarms;

	@Autowired
	AlarmStore store;

	@Autowired
	RedisConnectionFactory connections;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void listen() {
		client = RedisClient.create(TestServices.redis().url());
		subscription = client.connectPubSub();
		subscription.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				announced.add(AlarmChanged.fromJson(message));
			}
		});
		subscription.sync().subscribe(KEYS.alarms());
	}

	@AfterAll
	static void stopListening() {
		subscription.close();
		client.shutdown();
	}

	@Test
	void aRaisedAlarmIsInTheActiveHashAsTheRestListShowsItAndIsAnnounced() throws Exception {
		long channel = this.config.channel("oven." + System.nanoTime());
		long hot = alarm(channel, "HI", 870.0);
		produce(List.of(Sample.of(channel, T0, 860), Sample.of(channel, T0.plusSeconds(1), 875.5)));

		AlarmChanged raised = next(hot);
		assertThat(raised.event().event()).isEqualTo("ACTIVATED");
		assertThat(raised.event().time()).isEqualTo(T0.plusSeconds(1));
		assertThat(raised.event().value()).isEqualTo(875.5);
		assertThat(raised.event().message()).isEqualTo("too hot: 875.5");
		assertThat(raised.active().state()).isEqualTo("ACTIVE_UNACKED");
		assertThat(raised.active().activatedAt()).isEqualTo(T0.plusSeconds(1));
		// one shape: the hash holds exactly the entry of the REST list
		assertThat(activeInHash(hot)).isEqualTo(raised.active()).isEqualTo(activeInRest(hot));
	}

	@Test
	void anAcknowledgementUpdatesTheHashBeforeItIsAnsweredAndReturningAfterItRemovesTheEntry() throws Exception {
		long channel = this.config.channel("kiln." + System.nanoTime());
		long hot = alarm(channel, "HI", 870.0);
		produce(List.of(Sample.of(channel, T0, 875)));
		assertThat(next(hot).active().state()).isEqualTo("ACTIVE_UNACKED");

		HttpResponse<String> acked = post("/api/v1/alarms/" + hot + "/acknowledge", "{\"comment\":\"on it\"}");
		assertThat(acked.statusCode()).isEqualTo(200);
		// no waiting: the hash is written after the commit and before the answer
		ActiveAlarm entry = activeInHash(hot);
		assertThat(entry.state()).isEqualTo("ACTIVE_ACKED");
		assertThat(entry.acknowledgedBy()).isEqualTo("olivia");
		AlarmChanged acknowledged = next(hot);
		assertThat(acknowledged.event().event()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.event().user()).isEqualTo("olivia");
		assertThat(acknowledged.event().comment()).isEqualTo("on it");
		assertThat(acknowledged.active()).isEqualTo(entry);

		produce(List.of(Sample.of(channel, T0.plusSeconds(1), 800)));
		AlarmChanged returned = next(hot);
		assertThat(returned.event().event()).isEqualTo("RETURNED");
		assertThat(returned.event().state()).isEqualTo("NORMAL");
		// NORMAL leaves the list: no entry, and the hash lost it before the announcement
		assertThat(returned.active()).isNull();
		assertThat(hashField(hot)).isNull();
	}

	@Test
	void anAlarmThatReturnsUnacknowledgedStaysInTheHash() throws Exception {
		long channel = this.config.channel("dryer." + System.nanoTime());
		long hot = alarm(channel, "HI", 50.0);
		produce(List.of(Sample.of(channel, T0, 60)));
		next(hot);
		produce(List.of(Sample.of(channel, T0.plusSeconds(1), 40)));
		AlarmChanged returned = next(hot);
		assertThat(returned.event().state()).isEqualTo("RETURNED_UNACKED");
		assertThat(returned.active().state()).isEqualTo("RETURNED_UNACKED");
		assertThat(activeInHash(hot).value()).isEqualTo(40.0);
	}

	@Test
	void theHashIsRebuiltFromTheStoredStateAtStartUp() throws Exception {
		long channel = this.config.channel("press." + System.nanoTime());
		long hot = alarm(channel, "HI", 100.0);
		long calm = alarm(channel, "HIHI", 1000.0);
		produce(List.of(Sample.of(channel, T0, 150)));
		ActiveAlarm raised = next(hot).active();
		byte[] key = KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8);
		// a lost write and a stale entry, as after a Redis outage
		redis().sync().del(key);
		redis().sync().hset(key, field(calm), "stale".getBytes(StandardCharsets.UTF_8));

		LiveAlarms started = new LiveAlarms(this.connections, KEYS);
		assertThat(started.rebuild(new AlarmStates(this.store.load()), this.alarms.get())).isTrue();

		assertThat(activeInHash(hot)).isEqualTo(raised);
		assertThat(hashField(calm)).isNull();
	}

	@Test
	void aReloadOfTheDefinitionsHealsTheHash() throws Exception {
		long channel = this.config.channel("mixer." + System.nanoTime());
		long hot = alarm(channel, "HI", 10.0);
		produce(List.of(Sample.of(channel, T0, 20)));
		ActiveAlarm raised = next(hot).active();
		redis().sync().hdel(KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8), field(hot));

		publishConfig(new ConfigChanged(ConfigChanged.Entity.ALARM_DEFINITION, hot, ConfigChanged.Op.UPDATED, 1));
		await().atMost(Duration.ofSeconds(10)).until(() -> hashField(hot) != null);
		assertThat(activeInHash(hot)).isEqualTo(raised);
	}

	/** The next announcement about this alarm. */
	private static AlarmChanged next(long definitionId) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			AlarmChanged change = announced.poll(100, TimeUnit.MILLISECONDS);
			if (change != null && change.event().definitionId() == definitionId) {
				return change;
			}
			if (change != null) {
				// another test's alarm: keep it for that test
				announced.add(change);
				Thread.sleep(5);
			}
		}
		throw new AssertionError("no announcement for alarm " + definitionId);
	}

	private static ActiveAlarm activeInHash(long definitionId) {
		String json = hashField(definitionId);
		assertThat(json).as("hash entry of alarm %d", definitionId).isNotNull();
		return ActiveAlarm.fromJson(json);
	}

	private static String hashField(long definitionId) {
		byte[] value = redis().sync().hget(KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8), field(definitionId));
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	private ActiveAlarm activeInRest(long definitionId) throws Exception {
		String body = send(request("/api/v1/alarms/active").GET().build()).body();
		List<Map<String, Object>> entries = JsonPath.read(body, "$.content[?(@.definitionId == " + definitionId + ")]");
		assertThat(entries).hasSize(1);
		return ActiveAlarm.fromJson(JsonPath.parse(entries.get(0)).jsonString());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + tokens().token("olivia", 3L, "OPERATOR"));
	}

	private long alarm(long channel, String type, Double limit) {
		long id = this.config.alarm(channel, type, limit, 0, null, 0, 0, "too hot: {value}");
		publishConfig(new ConfigChanged(ConfigChanged.Entity.ALARM_DEFINITION, id, ConfigChanged.Op.CREATED, 0));
		await().until(() -> this.alarms.get().get(id) != null);
		return id;
	}

	private static byte[] field(long definitionId) {
		return Long.toString(definitionId).getBytes(StandardCharsets.US_ASCII);
	}

}
