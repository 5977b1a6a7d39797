package io.parx.storage.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.parx.common.config.alarm.AlarmCondition;
import io.parx.common.config.alarm.AlarmDefinition;
import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.config.alarm.AlarmType;
import io.parx.common.config.alarm.MessageTemplate;
import io.parx.common.audit.Actor;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.Test;

import org.springframework.web.ErrorResponseException;

import static io.parx.storage.alarms.AlarmStatus.ACTIVE_ACKED;
import static io.parx.storage.alarms.AlarmStatus.ACTIVE_UNACKED;
import static io.parx.storage.alarms.AlarmStatus.NORMAL;
import static io.parx.storage.alarms.AlarmStatus.RETURNED_UNACKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The evaluator's logic on its own: every type, every ISA-18.2 transition, deadband and
 * delays in source time. The integration tests run the same through the stream and the
 * database.
 */
class AlarmEvaluatorTests {

	private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

	private static final long CHANNEL = 7;

	private final AlarmStates states = new AlarmStates(Map.of());

	private final AlarmEvaluator evaluator = new AlarmEvaluator(this.states);

	@Test
	void aHighAlarmIsRaisedAboveItsLimitAndReturnsOnlyBelowTheDeadband() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 870, 2), 0, 0));
		assertThat(events(alarms, 860, 870, 871, 869, 868.5)).containsExactly("ACTIVATED ACTIVE_UNACKED at 2");
		// ISA-18.2 §10.5: the deadband keeps a value hovering at the limit from
		// chattering
		assertThat(events(alarms, 868)).containsExactly("RETURNED RETURNED_UNACKED at 0");
		assertThat(state(1)).isEqualTo(RETURNED_UNACKED);
	}

	@Test
	void samplesThatChangeNothingWriteNoStateButAreNotEvaluatedTwice() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		List<Sample> quiet = List.of(sample(1, SampleValue.of(5.0)), sample(2, SampleValue.of(6.0)));

		AlarmOutcome outcome = this.evaluator.evaluate(quiet, alarms);
		this.states.commit();

		// writing every alarm's last sample time per batch was the cost of alarms
		// (docs/PERFORMANCE.md, "Alarm evaluation on the storage path")
		assertThat(outcome.states()).isEmpty();
		// an older sample arriving late is still ignored: the time is kept in memory
		assertThat(describe(evaluate(alarms, List.of(sample(1, SampleValue.of(11.0)))))).isEmpty();
	}

	@Test
	void aBatchRedeliveredAfterARestartRaisesNothingTwice() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		List<Sample> batch = List.of(sample(1, SampleValue.of(11.0)), sample(2, SampleValue.of(12.0)),
				sample(3, SampleValue.of(13.0)));
		AlarmOutcome first = this.evaluator.evaluate(batch, alarms);
		this.states.commit();
		assertThat(describe(first.transitions())).containsExactly("ACTIVATED ACTIVE_UNACKED at 1");

		// a restart loads what the batch's transaction wrote; the stream delivers the
		// batch
		// again because its acknowledgement was lost
		AlarmStates restarted = new AlarmStates(first.states());
		AlarmOutcome again = new AlarmEvaluator(restarted).evaluate(batch, alarms);

		assertThat(again.transitions()).isEmpty();
		assertThat(again.states()).isEmpty();
	}

	@Test
	void lowAndLowLowAlarmsAreRaisedBelowTheirLimits() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.LO, 10, 1), 0, 0),
				alarm(2, new AlarmCondition.Limit(AlarmType.LOLO, 5, 0), 0, 0),
				alarm(3, new AlarmCondition.Limit(AlarmType.HIHI, 100, 0), 0, 0));
		assertThat(events(alarms, 12, 9, 4, 6, 10.5, 11)).containsExactly("ACTIVATED ACTIVE_UNACKED at 1",
				"ACTIVATED ACTIVE_UNACKED at 2", "RETURNED RETURNED_UNACKED at 3", "RETURNED RETURNED_UNACKED at 5");
		assertThat(state(3)).isEqualTo(NORMAL);
	}

	@Test
	void acknowledgingFollowsIsa182() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		events(alarms, 11);
		acknowledge(1);
		assertThat(state(1)).isEqualTo(ACTIVE_ACKED);
		// an acknowledged alarm that returns needs nothing more
		events(alarms, 9);
		assertThat(state(1)).isEqualTo(NORMAL);
		// returned before anyone acknowledged: the acknowledgement brings it back to
		// normal
		events(alarms, 11, 9);
		assertThat(state(1)).isEqualTo(RETURNED_UNACKED);
		acknowledge(1);
		assertThat(state(1)).isEqualTo(NORMAL);
		// returned unacknowledged and active again: unacknowledged once more
		events(alarms, 11, 9, 12);
		assertThat(state(1)).isEqualTo(ACTIVE_UNACKED);
	}

	@Test
	void theOnDelayNeedsTheConditionToHoldForTheDelayInSourceTime() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 3000, 0));
		// one sample a second: in alarm at 1 s, 2 s, back at 3 s (a spike), then from 4 s
		// on; the condition holds 3 s from 4 s at 7 s
		assertThat(events(alarms, 0, 11, 11, 5, 11, 11, 11, 11)).containsExactly("ACTIVATED ACTIVE_UNACKED at 7");
	}

	@Test
	void theOffDelayNeedsTheConditionToBeClearForTheDelay() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 2000));
		assertThat(events(alarms, 11, 5, 11, 5, 5, 5)).containsExactly("ACTIVATED ACTIVE_UNACKED at 0",
				"RETURNED RETURNED_UNACKED at 5");
	}

	@Test
	void aDiscreteAlarmIsActiveWhileTheValueEqualsItsAlarmValue() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Discrete(true), 0, 0));
		List<AlarmTransition> transitions = evaluate(alarms, List.of(sample(0, SampleValue.of(false)),
				sample(1, SampleValue.of(true)), sample(2, SampleValue.of(true)), sample(3, SampleValue.of(false))));
		assertThat(describe(transitions)).containsExactly("ACTIVATED ACTIVE_UNACKED at 1",
				"RETURNED RETURNED_UNACKED at 3");
		assertThat(transitions.get(0).value()).isEqualTo(SampleValue.of(true));
	}

	@Test
	void aBadQualityAlarmIsRaisedWhenTheChannelStaysBadForItsDelay() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.BadQuality(), 10_000, 0));
		List<Sample> samples = new ArrayList<>();
		samples.add(sample(0, SampleValue.of(1.0)));
		for (int s = 1; s <= 12; s++) {
			samples.add(Sample.failed(CHANNEL, T0.plusSeconds(s), Quality.BAD_NOT_CONNECTED));
		}
		samples.add(sample(13, SampleValue.of(1.0)));
		List<AlarmTransition> transitions = evaluate(alarms, samples);
		assertThat(describe(transitions)).containsExactly("ACTIVATED ACTIVE_UNACKED at 11",
				"RETURNED RETURNED_UNACKED at 13");
		assertThat(transitions.get(0).message()).isEqualTo("furnace: Bad_NotConnected °C");
	}

	@Test
	void aSampleWithoutValueNeitherRaisesNorClearsALimitAlarm() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		events(alarms, 11);
		evaluate(alarms, List.of(Sample.failed(CHANNEL, T0.plusSeconds(100), Quality.BAD_TIMEOUT)));
		assertThat(state(1)).isEqualTo(ACTIVE_UNACKED);
	}

	@Test
	void theMessageNamesTheChannelValueAndUnit() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 870, 2), 0, 0));
		List<AlarmTransition> transitions = evaluate(alarms, List.of(sample(0, SampleValue.of(871.5))));
		assertThat(transitions.get(0).message()).isEqualTo("furnace too hot: 871.5 °C");
		assertThat(transitions.get(0).priority()).isEqualTo(3);
	}

	@Test
	void samplesNotNewerThanTheLastEvaluatedAreARedeliveryAndChangeNothing() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		List<Sample> batch = List.of(sample(0, SampleValue.of(5.0)), sample(1, SampleValue.of(11.0)),
				sample(2, SampleValue.of(5.0)));
		assertThat(evaluate(alarms, batch)).hasSize(2);
		assertThat(evaluate(alarms, batch)).isEmpty();
		assertThat(state(1)).isEqualTo(RETURNED_UNACKED);
	}

	@Test
	void aDiscardedBatchIsEvaluatedAgainFromTheCommittedState() {
		// the database write failed: the retry must journal the same transitions
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		List<Sample> batch = List.of(sample(0, SampleValue.of(11.0)));
		assertThat(this.evaluator.evaluate(batch, alarms).transitions()).hasSize(1);
		this.states.discard();
		assertThat(this.evaluator.evaluate(batch, alarms).transitions()).hasSize(1);
	}

	@Test
	void limitAlarmsChangeStateExactlyAsTheirConditionSaysAlsoAtTheLimitAndTheDeadbandEdge() {
		// A Good sample's value is first compared with the range in which the state stays
		// as it is (the fast path of docs/PERFORMANCE.md, "Alarm evaluation on the
		// storage
		// path"); that range must agree with the condition to the last bit, at the limit
		// and at limit -/+ deadband included.
		List<WatchedAlarm> watched = new ArrayList<>();
		long id = 1;
		for (AlarmType type : List.of(AlarmType.HIHI, AlarmType.HI, AlarmType.LO, AlarmType.LOLO)) {
			for (double deadband : new double[] { 0, 0.1, 2 }) {
				watched.add(alarm(id++, new AlarmCondition.Limit(type, 50.3, deadband), 0, 0));
			}
		}
		AlarmSet alarms = new AlarmSet(watched);
		List<Double> edges = new ArrayList<>();
		for (double edge : new double[] { 50.3, 50.3 - 0.1, 50.3 + 0.1, 50.3 - 2, 50.3 + 2 }) {
			edges.addAll(List.of(edge, Math.nextUp(edge), Math.nextDown(edge)));
		}
		edges.addAll(List.of(0.0, 100.0));
		java.util.Random random = new java.util.Random(19);
		Map<Long, Boolean> expectedActive = new java.util.HashMap<>();
		int transitions = 0;
		for (int batch = 0; batch < 200; batch++) {
			List<Sample> samples = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				samples.add(sample(batch * 10L + i, SampleValue.of(edges.get(random.nextInt(edges.size())))));
			}
			List<String> expected = conditionTransitions(samples, watched, expectedActive);
			if (batch % 7 == 3) {
				// a failed write: the same samples again from the committed state
				this.evaluator.evaluate(samples, alarms);
				this.states.discard();
			}
			List<String> actual = evaluate(alarms, samples).stream().map(AlarmEvaluatorTests::byAlarm).toList();
			assertThat(actual).as("batch %d", batch).containsExactlyInAnyOrderElementsOf(expected);
			transitions += actual.size();
		}
		assertThat(transitions).isGreaterThan(500);
	}

	@Test
	void alarmsOfOneChannelFollowTheirConditionWhileMostValuesAreQuietForAllAndTheSetIsReloaded() {
		// The alarms of a channel are first checked together, by the values quiet for all
		// of them (docs/PERFORMANCE.md, "Alarm evaluation on the storage path"); a reload
		// of the definitions (every config event and resync) binds them again, and a
		// failed write discards the batch: none of it may change a transition.
		List<WatchedAlarm> watched = new ArrayList<>();
		long id = 1;
		for (double limit : new double[] { 40, 50.3, 60 }) {
			for (double deadband : new double[] { 0, 2 }) {
				watched.add(alarm(id++, new AlarmCondition.Limit(AlarmType.HI, limit, deadband), 0, 0));
			}
		}
		watched.add(alarm(id, new AlarmCondition.Limit(AlarmType.LO, -10, 1), 0, 0));
		List<Double> values = new ArrayList<>();
		for (double edge : new double[] { 40, 38, 50.3, 48.3, 60, 58, -10, -9 }) {
			values.addAll(List.of(edge, Math.nextUp(edge), Math.nextDown(edge)));
		}
		// mostly quiet for all: between the low and the lowest high limit
		values.addAll(java.util.Collections.nCopies(values.size(), 0.0));
		java.util.Random random = new java.util.Random(20);
		Map<Long, Boolean> expectedActive = new java.util.HashMap<>();
		AlarmSet alarms = new AlarmSet(watched);
		int transitions = 0;
		for (int batch = 0; batch < 300; batch++) {
			List<Sample> samples = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				samples.add(sample(batch * 10L + i, SampleValue.of(values.get(random.nextInt(values.size())))));
			}
			List<String> expected = conditionTransitions(samples, watched, expectedActive);
			if (batch % 5 == 2) {
				alarms = new AlarmSet(watched);
			}
			if (batch % 7 == 3) {
				this.evaluator.evaluate(samples, alarms);
				this.states.discard();
			}
			// a sample the alarms have seen (the previous batch's last) arriving again
			List<Sample> earlier = (batch > 0) ? List.of(sample(batch * 10L - 1, SampleValue.of(100.0))) : List.of();
			assertThat(evaluate(alarms, earlier)).as("redelivered before batch %d", batch).isEmpty();
			List<String> actual = evaluate(alarms, samples).stream().map(AlarmEvaluatorTests::byAlarm).toList();
			assertThat(actual).as("batch %d", batch).containsExactlyInAnyOrderElementsOf(expected);
			transitions += actual.size();
		}
		assertThat(transitions).isGreaterThan(300);
	}

	/**
	 * The transitions the alarms' conditions alone give for the samples, one by one, from
	 * the activity so far (updated), as {@link #byAlarm} describes them.
	 */
	private static List<String> conditionTransitions(List<Sample> samples, List<WatchedAlarm> watched,
			Map<Long, Boolean> active) {
		List<String> transitions = new ArrayList<>();
		for (Sample sample : samples) {
			for (WatchedAlarm alarm : watched) {
				boolean was = active.getOrDefault(alarm.id(), false);
				if (alarm.definition().condition().inAlarm(sample, was) != was) {
					active.put(alarm.id(), !was);
					transitions.add(alarm.id() + " " + (was ? "RETURNED" : "ACTIVATED") + " at "
							+ (sample.timeMicros() - micros(T0)) / 1_000_000);
				}
			}
		}
		return transitions;
	}

	private static String byAlarm(AlarmTransition transition) {
		return transition.definitionId() + " " + transition.event() + " at "
				+ (transition.timeMicros() - micros(T0)) / 1_000_000;
	}

	@Test
	void aDiscardedQuietBatchLeavesNoSampleTimeBehind() {
		// a batch whose write failed is evaluated again; what it saw must not count as
		// seen
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0),
				alarm(2, new AlarmCondition.Limit(AlarmType.HI, 20, 0), 0, 0));
		this.evaluator.evaluate(List.of(sample(5, SampleValue.of(1.0))), alarms);
		this.states.discard();
		assertThat(describe(evaluate(alarms, List.of(sample(5, SampleValue.of(15.0))))))
			.containsExactly("ACTIVATED ACTIVE_UNACKED at 5");
	}

	@Test
	void eachAlarmOfAChannelSkipsOnlyTheSamplesItHasSeenItself() {
		// After a restart each alarm starts from its own stored time (written with its
		// last change), so alarms of one channel may have seen different samples.
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0),
				alarm(2, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		AlarmState returned = AlarmState.initial(1, CHANNEL, 2).seen(micros(T0.plusSeconds(5)), null);
		AlarmStates restarted = new AlarmStates(Map.of(1L, returned));
		AlarmEvaluator evaluator = new AlarmEvaluator(restarted);

		AlarmOutcome outcome = evaluator.evaluate(List.of(sample(2, SampleValue.of(1.0)),
				sample(3, SampleValue.of(11.0)), sample(4, SampleValue.of(1.0)), sample(6, SampleValue.of(11.0))),
				alarms);

		assertThat(outcome.transitions())
			.extracting((t) -> t.definitionId() + " " + t.event() + " at " + (t.timeMicros() - micros(T0)) / 1_000_000)
			.containsExactly("2 ACTIVATED at 3", "2 RETURNED at 4", "1 ACTIVATED at 6", "2 ACTIVATED at 6");
	}

	@Test
	void aBatchOutOfTimeOrderIsEvaluatedInSourceTimeOrder() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		List<Sample> batch = List.of(sample(2, SampleValue.of(5.0)), sample(1, SampleValue.of(11.0)));
		assertThat(describe(evaluate(alarms, batch))).containsExactly("ACTIVATED ACTIVE_UNACKED at 1",
				"RETURNED RETURNED_UNACKED at 2");
	}

	@Test
	void aShelvedAlarmRaisesNothingUntilTheShelfEnds() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		events(alarms, 5);
		// the sample below the limit changed nothing: no state was written
		assertThat(this.states.get(1)).isNull();
		AlarmState state = AlarmState.initial(1, 7, 2);
		this.states.put(state.shelved(micros(T0.plusSeconds(1000))));
		this.states.commit();
		assertThat(describe(evaluate(alarms, List.of(sample(100, SampleValue.of(11.0)))))).isEmpty();
		// still in alarm when the shelf ends: raised by the first sample after it
		assertThat(describe(evaluate(alarms, List.of(sample(1001, SampleValue.of(11.0))))))
			.containsExactly("ACTIVATED ACTIVE_UNACKED at 1001");
	}

	@Test
	void anAcknowledgementThatCannotBeAuditedDoesNotHappen() {
		// a change that cannot be audited must not stand (docs/CONTRACTS.md, "Audit")
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		events(alarms, 11);
		AlarmCommands commands = new AlarmCommands(Duration.ofSeconds(5));
		AlarmCommand.Acknowledge acknowledge = new AlarmCommand.Acknowledge(1, OLIVIA, micros(T0), null, () -> {
			throw new IllegalStateException("audit trail unreachable");
		}, new CompletableFuture<>());
		CompletableFuture.runAsync(() -> commands.submit(acknowledge)).exceptionally((ex) -> null);
		await().until(() -> this.evaluator.take(commands, alarms).isEmpty() && acknowledge.result().isDone());
		assertThat(acknowledge.result()).isCompletedExceptionally();
		assertThat(state(1)).isEqualTo(ACTIVE_UNACKED);
	}

	@Test
	void acknowledgingANormalAlarmIsAConflictAndUnknownAlarmsAreNotFound() {
		AlarmSet alarms = alarms(alarm(1, new AlarmCondition.Limit(AlarmType.HI, 10, 0), 0, 0));
		events(alarms, 5);
		AlarmCommands commands = new AlarmCommands(Duration.ofSeconds(5));
		AlarmCommand.Acknowledge normal = acknowledgement(1);
		AlarmCommand.Acknowledge unknown = acknowledgement(99);
		CompletableFuture.runAsync(() -> commands.submit(normal)).exceptionally((ex) -> null);
		CompletableFuture.runAsync(() -> commands.submit(unknown)).exceptionally((ex) -> null);
		await().until(() -> {
			this.evaluator.take(commands, alarms);
			return normal.result().isDone() && unknown.result().isDone();
		});
		assertThat(normal.result()).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ErrorResponseException.class,
					(ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(409));
		assertThat(unknown.result()).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ErrorResponseException.class,
					(ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(404));
	}

	private static AlarmCommand.Acknowledge acknowledgement(long id) {
		return new AlarmCommand.Acknowledge(id, OLIVIA, micros(T0), null, () -> {
		}, new CompletableFuture<>());
	}

	private static final Actor OLIVIA = new Actor("olivia", null, null);

	private int clock;

	/** One sample a second from where the last call stopped (or from T0), as numbers. */
	private List<String> events(AlarmSet alarms, double... values) {
		List<Sample> samples = new ArrayList<>();
		for (double value : values) {
			samples.add(sample(this.clock++, SampleValue.of(value)));
		}
		int start = this.clock - values.length;
		List<String> described = new ArrayList<>();
		for (AlarmTransition transition : evaluate(alarms, samples)) {
			long second = (transition.timeMicros() - micros(T0)) / 1_000_000 - start;
			described.add(transition.event() + " " + transition.state() + " at " + second);
		}
		return described;
	}

	private List<AlarmTransition> evaluate(AlarmSet alarms, List<Sample> samples) {
		AlarmOutcome outcome = this.evaluator.evaluate(samples, alarms);
		this.states.commit();
		return outcome.transitions();
	}

	private static List<String> describe(List<AlarmTransition> transitions) {
		return transitions.stream()
			.map((t) -> t.event() + " " + t.state() + " at " + (t.timeMicros() - micros(T0)) / 1_000_000)
			.toList();
	}

	private void acknowledge(long id) {
		this.states.put(this.states.get(id).acknowledged(micros(T0), "operator", null));
		this.states.commit();
	}

	/** An alarm that never changed has no state yet: NORMAL. */
	private AlarmStatus state(long id) {
		AlarmState state = this.states.get(id);
		return (state != null) ? state.status() : NORMAL;
	}

	private static Sample sample(long second, SampleValue value) {
		return Sample.of(CHANNEL, T0.plusSeconds(second), value, Quality.GOOD);
	}

	private static long micros(Instant time) {
		return Sample.toMicros(time);
	}

	private static AlarmSet alarms(WatchedAlarm... alarms) {
		return new AlarmSet(List.of(alarms));
	}

	private static WatchedAlarm alarm(long id, AlarmCondition condition, long onDelayMs, long offDelayMs) {
		MessageTemplate message = (condition instanceof AlarmCondition.Limit)
				? new MessageTemplate("{channel} too hot: {value} {unit}") : MessageTemplate.DEFAULT;
		return new WatchedAlarm(id, new AlarmDefinition("alarm " + id, CHANNEL, condition, Duration.ofMillis(onDelayMs),
				Duration.ofMillis(offDelayMs), AlarmPriority.HIGH, message, true), "furnace", "°C");
	}

}
