package io.parx.router;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.parx.common.alarm.ActiveAlarm;
import io.parx.common.alarm.AlarmChanged;
import io.parx.common.alarm.AlarmJournalEntry;
import io.parx.common.config.alarm.AlarmPriority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.data.redis.connection.RedisConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live alarm view over the WebSocket (issue 19, "Live"): a snapshot of the active
 * list from the {@code <prefix>alarms:active} hash, then the transitions the storage
 * engine publishes on {@code <prefix>alarms}, until the client unsubscribes.
 */
class LiveAlarmTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

	@BeforeEach
	@AfterEach
	void noActiveAlarms() {
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.keyCommands().del(KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void aSubscriberGetsTheActiveListMostUrgentAndNewestFirstThenTheTransitions() {
		ActiveAlarm oldHigh = active(11, AlarmPriority.HIGH, T0, "ACTIVE_ACKED");
		ActiveAlarm newHigh = active(12, AlarmPriority.HIGH, T0.plusSeconds(5), "ACTIVE_UNACKED");
		ActiveAlarm critical = active(13, AlarmPriority.CRITICAL, T0.minusSeconds(60), "RETURNED_UNACKED");
		ActiveAlarm low = active(14, AlarmPriority.LOW, T0.plusSeconds(60), "ACTIVE_UNACKED");
		store(oldHigh, newHigh, critical, low);
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe-alarms\",\"id\":\"a1\"}");
			JsonNode snapshot = client.awaitType("alarms");
			assertThat(snapshot.path("id").asString()).isEqualTo("a1");
			assertThat(snapshot.path("active").valueStream().map((a) -> a.path("definitionId").asLong()))
				.containsExactly(13L, 12L, 11L, 14L);
			// the entries as the storage engine wrote them
			assertThat(ActiveAlarm.fromJson(snapshot.path("active").get(1).toString())).isEqualTo(newHigh);

			ActiveAlarm acked = active(12, AlarmPriority.HIGH, T0.plusSeconds(5), "ACTIVE_ACKED");
			announce(new AlarmChanged(entry(12, "ACKNOWLEDGED", "ACTIVE_ACKED"), acked));
			announce(new AlarmChanged(entry(11, "RETURNED", "NORMAL"), null));
			List<JsonNode> frames = awaitAlarms(client, 2);
			assertThat(frames.get(0).path("event").path("event").asString()).isEqualTo("ACKNOWLEDGED");
			assertThat(frames.get(0).path("event").path("user").asString()).isEqualTo("olivia");
			assertThat(ActiveAlarm.fromJson(frames.get(0).path("active").toString())).isEqualTo(acked);
			assertThat(frames.get(1).path("event").path("definitionId").asLong()).isEqualTo(11);
			// it left the list
			assertThat(frames.get(1).path("active").isNull()).isTrue();
			assertThat(client.messages().indexOf(snapshot)).isLessThan(client.messages().indexOf(frames.get(0)));
		}
	}

	@Test
	void anEmptyListIsAnEmptySnapshot() {
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe-alarms\"}");
			JsonNode snapshot = client.awaitType("alarms");
			assertThat(snapshot.has("id")).isFalse();
			assertThat(snapshot.path("active").isArray()).isTrue();
			assertThat(snapshot.path("active")).isEmpty();
		}
	}

	@Test
	void onlySubscribersGetTransitionsAndUnsubscribingStopsThem() {
		try (LiveClient watching = operator(); LiveClient leaving = operator(); LiveClient values = operator()) {
			watching.send("{\"type\":\"subscribe-alarms\",\"id\":\"w\"}");
			leaving.send("{\"type\":\"subscribe-alarms\",\"id\":\"l\"}");
			watching.awaitType("alarms");
			leaving.awaitType("alarms");
			announce(new AlarmChanged(entry(21, "ACTIVATED", "ACTIVE_UNACKED"),
					active(21, AlarmPriority.MEDIUM, T0, "ACTIVE_UNACKED")));
			awaitAlarms(watching, 1);
			awaitAlarms(leaving, 1);

			leaving.send("{\"type\":\"unsubscribe-alarms\",\"id\":\"a2\"}");
			assertThat(leaving.awaitType("alarms-unsubscribed").path("id").asString()).isEqualTo("a2");
			announce(new AlarmChanged(entry(22, "ACTIVATED", "ACTIVE_UNACKED"),
					active(22, AlarmPriority.MEDIUM, T0, "ACTIVE_UNACKED")));
			awaitAlarms(watching, 2);
			// a round trip after the transition reached the others: nothing was queued
			leaving.send("{\"type\":\"ping\",\"id\":\"p\"}");
			values.send("{\"type\":\"ping\",\"id\":\"p\"}");
			leaving.awaitType("pong");
			values.awaitType("pong");
			assertThat(leaving.ofType("alarm")).hasSize(1);
			assertThat(values.ofType("alarm")).isEmpty();
		}
	}

	@Test
	void aSubscribeWithAnOverlongIdIsRefusedAndSubscribesNothing() {
		// every answer echoes the id, so it is bounded like in every other message
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe-alarms\",\"id\":\"" + "x".repeat(101) + "\"}");
			assertThat(client.awaitType("error").path("code").asString()).isEqualTo("BAD_MESSAGE");
			announce(new AlarmChanged(entry(41, "ACTIVATED", "ACTIVE_UNACKED"),
					active(41, AlarmPriority.LOW, T0, "ACTIVE_UNACKED")));
			client.send("{\"type\":\"ping\"}");
			client.awaitType("pong");
			assertThat(client.ofType("alarms")).isEmpty();
			assertThat(client.ofType("alarm")).isEmpty();
		}
	}

	@Test
	void aMessageOnTheAlarmChannelThatIsNotATransitionIsIgnored() {
		try (LiveClient client = operator()) {
			client.send("{\"type\":\"subscribe-alarms\"}");
			client.awaitType("alarms");
			try (RedisConnection connection = this.redis.getConnection()) {
				connection.publish(KEYS.alarms().getBytes(StandardCharsets.UTF_8),
						"{\"active\":null}".getBytes(StandardCharsets.UTF_8));
			}
			announce(new AlarmChanged(entry(31, "ACTIVATED", "ACTIVE_UNACKED"),
					active(31, AlarmPriority.LOW, T0, "ACTIVE_UNACKED")));
			List<JsonNode> frames = awaitAlarms(client, 1);
			assertThat(frames.get(0).path("event").path("definitionId").asLong()).isEqualTo(31);
			assertThat(client.ofType("alarm")).hasSize(1);
		}
	}

	private static List<JsonNode> awaitAlarms(LiveClient client, int count) {
		client.awaitMessage((m) -> client.ofType("alarm").size() >= count);
		return client.ofType("alarm");
	}

	private void store(ActiveAlarm... alarms) {
		try (RedisConnection connection = this.redis.getConnection()) {
			for (ActiveAlarm alarm : alarms) {
				connection.hashCommands()
					.hSet(KEYS.activeAlarms().getBytes(StandardCharsets.UTF_8),
							Long.toString(alarm.definitionId()).getBytes(StandardCharsets.UTF_8),
							alarm.toJson().getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private void announce(AlarmChanged change) {
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.publish(KEYS.alarms().getBytes(StandardCharsets.UTF_8),
					change.toJson().getBytes(StandardCharsets.UTF_8));
		}
	}

	private static ActiveAlarm active(long id, AlarmPriority priority, Instant activatedAt, String state) {
		boolean acked = state.equals("ACTIVE_ACKED");
		return new ActiveAlarm(id, "alarm " + id, 100 + id, state, activatedAt, 871.5, priority, "furnace: 871.5 °C",
				acked ? activatedAt.plusSeconds(1) : null, acked ? "olivia" : null, null);
	}

	private static AlarmJournalEntry entry(long id, String event, String state) {
		boolean person = event.equals("ACKNOWLEDGED");
		return new AlarmJournalEntry(T0.plusSeconds(10), id, "alarm " + id, 100 + id, event, state, AlarmPriority.HIGH,
				871.5, "furnace: 871.5 °C", person ? "olivia" : null, person ? "on it" : null);
	}

}
