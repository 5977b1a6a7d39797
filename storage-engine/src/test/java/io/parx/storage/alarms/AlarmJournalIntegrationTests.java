package io.parx.storage.alarms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.parx.common.config.ConfigChanged;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.storage.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alarms evaluated on the durable sample stream, journaled in TimescaleDB in the batch's
 * transaction (issue 19, "Evaluation"): each transition exactly once, also when batches
 * are delivered again or the engine starts over from the stored state.
 */
class AlarmJournalIntegrationTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");

	@Autowired
	AlarmCatalog alarms;

	@Autowired
	AlarmStore store;

	@Test
	void transitionsAreJournaledWithSourceTimeValueStateAndMessage() {
		long channel = this.config.channel("furnace." + System.nanoTime());
		long hot = alarm(channel, "HI", 870.0, 2, null, 0);
		produce(List.of(sample(channel, 0, 860), sample(channel, 1, 871.5), sample(channel, 2, 869)));
		produce(List.of(sample(channel, 3, 867.5)));
		await().until(() -> journal(hot).size() == 2);
		assertThat(journal(hot)).containsExactly(
				"2026-11-01 06:00:01+00 ACTIVATED ACTIVE_UNACKED 3 871.5 too hot: 871.5",
				"2026-11-01 06:00:03+00 RETURNED RETURNED_UNACKED 3 867.5 too hot: 867.5");
		assertThat(queryRows("select state, activated_at from alarm_state where definition_id = " + hot))
			.containsExactly("RETURNED_UNACKED 2026-11-01 06:00:01+00");
	}

	@Test
	void redeliveredBatchesJournalNoTransitionTwice() {
		// The collector re-sends after a lost reply, or Redis redelivers after a crash
		// between the commit and XACK: the state committed with the batch says it was
		// seen.
		long channel = this.config.channel("boiler." + System.nanoTime());
		long low = alarm(channel, "LO", 10.0, 1, null, 0);
		long bad = alarm(channel, "BAD_QUALITY", null, 0, null, 2000);
		List<List<Sample>> batches = new ArrayList<>();
		for (int b = 0; b < 10; b++) {
			List<Sample> batch = new ArrayList<>();
			for (int s = 0; s < 10; s++) {
				int second = b * 10 + s;
				batch.add((second % 20 < 5) ? Sample.failed(channel, T0.plusSeconds(second), Quality.BAD_TIMEOUT)
						: sample(channel, second, (second % 20 < 12) ? 5 : 20));
			}
			batches.add(batch);
		}
		batches.forEach(AbstractIntegrationTest::produce);
		// per 20 s: bad 0-4 s (raised at 2 s, returns at 5 s), low 5-11 s (raised at 5 s,
		// returns at 12 s): 5 cycles of 2 transitions each
		await().until(() -> journal(low).size() == 10 && journal(bad).size() == 10);
		batches.forEach(AbstractIntegrationTest::produce);
		awaitConsumed();
		assertThat(journal(low)).hasSize(10);
		assertThat(journal(bad)).hasSize(10);

		// A restart: an evaluator on the stored state finds nothing new in the same
		// samples.
		AlarmEvaluator restarted = new AlarmEvaluator(new AlarmStates(load()));
		for (List<Sample> batch : batches) {
			assertThat(restarted.evaluate(batch, this.alarms.get()).transitions()).isEmpty();
		}
	}

	@Test
	void aDiscreteAlarmOnABooleanChannelIsJournaled() {
		long channel = this.config.channel("pump." + System.nanoTime());
		long tripped = alarm(channel, "DISCRETE", null, 0, "true", 0);
		produce(List.of(Sample.of(channel, T0, io.parx.common.sample.SampleValue.of(false), Quality.GOOD),
				Sample.of(channel, T0.plusSeconds(1), io.parx.common.sample.SampleValue.of(true), Quality.GOOD)));
		await().until(() -> journal(tripped).size() == 1);
		assertThat(journal(tripped).get(0)).startsWith("2026-11-01 06:00:01+00 ACTIVATED ACTIVE_UNACKED 3 1 ");
	}

	private long alarm(long channel, String type, Double limit, double deadband, String alarmValue, long onDelayMs) {
		long id = this.config.alarm(channel, type, limit, deadband, alarmValue, onDelayMs, 0, "too hot: {value}");
		publishConfig(new ConfigChanged(ConfigChanged.Entity.ALARM_DEFINITION, id, ConfigChanged.Op.CREATED, 0));
		await().until(() -> this.alarms.get().get(id) != null);
		return id;
	}

	private java.util.Map<Long, AlarmState> load() {
		try {
			return this.store.load();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> journal(long definitionId) {
		return queryRows("select time, event, state, priority, value_num, message from alarm_journal "
				+ "where definition_id = " + definitionId + " order by time, event");
	}

	private static Sample sample(long channel, int second, double value) {
		return Sample.of(channel, T0.plusSeconds(second), value);
	}

	/** Every entry delivered and acknowledged. */
	private static void awaitConsumed() {
		byte[] stream = KEYS.samples().getBytes(StandardCharsets.UTF_8);
		await().until(() -> {
			for (Object group : redis().sync().xinfoGroups(stream)) {
				List<?> info = (List<?>) group;
				long pending = -1;
				long lag = -1;
				for (int i = 0; i + 1 < info.size(); i += 2) {
					Object key = info.get(i);
					String name = (key instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8)
							: String.valueOf(key);
					if (name.equals("pending")) {
						pending = ((Number) info.get(i + 1)).longValue();
					}
					if (name.equals("lag")) {
						lag = ((Number) info.get(i + 1)).longValue();
					}
				}
				return pending == 0 && lag == 0;
			}
			return false;
		});
		assertThat(RedisKeys.STORAGE_GROUP).isNotBlank();
	}

}
