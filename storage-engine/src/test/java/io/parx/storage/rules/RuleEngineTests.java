package io.parx.storage.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.storage.batches.BatchDefinition;
import io.parx.storage.batches.BatchEvent;
import io.parx.storage.state.RuleState;
import io.parx.storage.state.RuleStates;
import io.parx.storage.state.StateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule engine's state handling, without a database. */
class RuleEngineTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private static final StorageRule CHANGE = new StorageRule(1, "change",
			new StorageMode.Change(1.0, StorageMode.DeadbandType.ABSOLUTE, Duration.ZERO),
			new StorageBackend.Timescale(), List.of(5L), null);

	private final RuleSet rules = new RuleSet(List.of(CHANGE), List.of());

	@Test
	void restoredStateCausesNoSpuriousStoreAfterARestart() {
		// A restart must not store "first" values again for every channel.
		RuleEngine before = new RuleEngine(new RuleStates());
		Evaluation first = before.evaluate(List.of(sample(0, 10), sample(1, 10.2)), this.rules);
		assertThat(first.timeseries()).extracting(Sample::timeMicros).containsExactly(micros(0));

		RuleEngine after = new RuleEngine(new RuleStates(first.stateChanges()));
		Evaluation second = after.evaluate(List.of(sample(2, 10.4), sample(3, 11.5)), this.rules);

		assertThat(second.timeseries()).extracting(Sample::timeMicros).containsExactly(micros(3));
	}

	@Test
	void redeliveredSamplesAreSkippedByStatefulRules() {
		// Entries committed but not acknowledged come back after a crash.
		RuleEngine engine = new RuleEngine(new RuleStates());
		List<Sample> batch = List.of(sample(0, 10), sample(1, 20));
		engine.evaluate(batch, this.rules);
		engine.states().commit();

		assertThat(engine.evaluate(batch, this.rules).timeseries()).isEmpty();
	}

	@Test
	void aDiscardedEvaluationLeavesTheStateAsCommitted() {
		// A failed write is retried against the state the database still holds.
		RuleEngine engine = new RuleEngine(new RuleStates());
		List<Sample> batch = List.of(sample(0, 10), sample(1, 20));
		Evaluation attempt = engine.evaluate(batch, this.rules);
		engine.states().discard();

		assertThat(engine.evaluate(batch, this.rules).timeseries()).isEqualTo(attempt.timeseries());
	}

	@Test
	void changeTreatsEveryTextChangeAsAChange() {
		StorageMode.Change mode = new StorageMode.Change(5, StorageMode.DeadbandType.ABSOLUTE, Duration.ZERO);
		Sample on = new Sample(5, micros(0), SampleValue.of("on"), Quality.GOOD);

		assertThat(RuleEngine.isChange(mode, on, new Sample(5, micros(1), SampleValue.of("off"), Quality.GOOD)))
			.isTrue();
		assertThat(RuleEngine.isChange(mode, on, new Sample(5, micros(1), SampleValue.of("on"), Quality.GOOD)))
			.isFalse();
	}

	@Test
	void startStopBatchIsNamedByTheNameChannelAndClosedByTheStopChannel() {
		BatchDefinition definition = new BatchDefinition(3, BatchDefinition.Mode.START_STOP, 0, 10, 11, 12);
		RuleEngine engine = new RuleEngine(new RuleStates());
		RuleSet set = new RuleSet(List.of(), List.of(definition));

		Evaluation evaluation = engine.evaluate(List.of(bool(10, 0, false), bool(11, 0, false),
				new Sample(12, micros(1), SampleValue.of("Coil 77"), Quality.GOOD), bool(10, 2, true),
				bool(11, 5, true), bool(10, 6, false)), set);

		assertThat(evaluation.batchEvents()).containsExactly(new BatchEvent.Opened(3, "Coil 77", micros(2)),
				new BatchEvent.Closed(3, micros(5)));
	}

	@Test
	void stateChangesAreReportedForPersistence() {
		RuleEngine engine = new RuleEngine(new RuleStates());

		Map<StateKey, RuleState> changes = engine.evaluate(List.of(sample(0, 10)), this.rules).stateChanges();

		assertThat(changes).containsOnlyKeys(new StateKey(1, 5, StateKey.Kind.RULE_CHANNEL));
	}

	private static long micros(int seconds) {
		return Sample.toMicros(T0.plusSeconds(seconds));
	}

	private static Sample sample(int seconds, double value) {
		return new Sample(5, micros(seconds), SampleValue.of(value), Quality.GOOD);
	}

	private static Sample bool(long channel, int seconds, boolean value) {
		return new Sample(channel, micros(seconds), SampleValue.of(value), Quality.GOOD);
	}

}
