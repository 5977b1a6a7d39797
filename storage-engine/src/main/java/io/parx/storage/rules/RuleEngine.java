package io.parx.storage.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.storage.batches.BatchEvent;
import io.parx.storage.batches.BatchTracker;
import io.parx.storage.state.RuleState;
import io.parx.storage.state.RuleStates;
import io.parx.storage.state.StateKey;

/**
 * Decides which samples the storage rules store (issue 5, "Storage rules"). Samples are
 * evaluated in time order; state lives in {@link RuleStates} so that a failed write can
 * be retried against the state the database still holds.
 *
 * <p>
 * Redelivery: a stateful rule skips samples not newer than the last one its state has
 * seen, so entries redelivered after a committed but unacknowledged batch cause no second
 * store (late samples are therefore stored only by CONTINUOUS rules with interval 0).
 */
public final class RuleEngine {

	private static final Comparator<Sample> BY_TIME = Comparator.comparingLong(Sample::timeMicros);

	private final RuleStates states;

	public RuleEngine(RuleStates states) {
		this.states = states;
	}

	public RuleStates states() {
		return this.states;
	}

	public Evaluation evaluate(List<Sample> batch, RuleSet rules) {
		List<Sample> samples = new ArrayList<>(batch);
		samples.sort(BY_TIME);
		Output out = new Output();
		BatchTracker tracker = new BatchTracker(this.states, out.batchEvents);
		for (Sample sample : samples) {
			long channelId = sample.channelId();
			if (rules.isWatched(channelId)) {
				updateCurrent(sample);
			}
			for (StorageRule rule : rules.storing(channelId)) {
				store(rule, sample, out);
			}
			for (StorageRule rule : rules.conditionedBy(channelId)) {
				condition(rule, sample, out);
			}
			for (var definition : rules.batchesWatching(channelId)) {
				tracker.accept(definition, sample);
			}
		}
		return new Evaluation(out.timeseries, out.files, out.batchEvents, this.states.pending());
	}

	private void updateCurrent(Sample sample) {
		StateKey key = StateKey.current(sample.channelId());
		RuleState state = this.states.get(key);
		if (state == null || sample.timeMicros() > state.lastSeenMicros()) {
			this.states.put(key, RuleState.seen(sample.timeMicros(), sample));
		}
	}

	private void store(StorageRule rule, Sample sample, Output out) {
		switch (rule.mode()) {
			case StorageMode.Continuous continuous -> continuous(rule, continuous, sample, out);
			case StorageMode.Change change -> change(rule, change, sample, out);
			case StorageMode.Trigger trigger -> {
				if (trigger.store() == StorageMode.TriggerStore.WHILE_TRUE) {
					RuleState condition = this.states.get(conditionKey(rule));
					if (condition != null && Boolean.TRUE.equals(condition.condition())) {
						out.add(rule, sample);
					}
				}
			}
			case StorageMode.Event event -> {
				// Stored on the condition's edges only.
			}
		}
	}

	private void continuous(StorageRule rule, StorageMode.Continuous mode, Sample sample, Output out) {
		if (mode.everySample()) {
			out.add(rule, sample);
			return;
		}
		StateKey key = new StateKey(rule.id(), sample.channelId(), StateKey.Kind.RULE_CHANNEL);
		RuleState state = this.states.get(key);
		if (state != null && sample.timeMicros() <= state.lastSeenMicros()) {
			return;
		}
		long interval = mode.interval().toNanos() / 1000;
		Sample held = (state != null) ? state.held() : null;
		if (held != null
				&& Math.floorDiv(held.timeMicros(), interval) != Math.floorDiv(sample.timeMicros(), interval)) {
			// The held sample was the last of its interval.
			out.add(rule, held);
		}
		this.states.put(key, new RuleState(sample.timeMicros(), null, sample, null));
	}

	private void change(StorageRule rule, StorageMode.Change mode, Sample sample, Output out) {
		StateKey key = new StateKey(rule.id(), sample.channelId(), StateKey.Kind.RULE_CHANNEL);
		RuleState state = this.states.get(key);
		if (state != null && sample.timeMicros() <= state.lastSeenMicros()) {
			return;
		}
		Sample last = (state != null) ? state.last() : null;
		if (last == null || isChange(mode, last, sample)) {
			out.add(rule, sample);
			last = sample;
		}
		this.states.put(key, RuleState.seen(sample.timeMicros(), last));
	}

	static boolean isChange(StorageMode.Change mode, Sample last, Sample sample) {
		if (last.quality() != sample.quality()) {
			return true;
		}
		long maxMicros = mode.maxInterval().toNanos() / 1000;
		if (maxMicros > 0 && sample.timeMicros() - last.timeMicros() >= maxMicros) {
			return true;
		}
		SampleValue before = last.value();
		SampleValue after = sample.value();
		if (before instanceof SampleValue.Numeric(double a) && after instanceof SampleValue.Numeric(double b)) {
			double delta = Math.abs(b - a);
			double band = (mode.deadbandType() == StorageMode.DeadbandType.PERCENT)
					? Math.abs(a) * mode.deadband() / 100 : mode.deadband();
			return delta > band;
		}
		return !Objects.equals(before, after);
	}

	private void condition(StorageRule rule, Sample sample, Output out) {
		StateKey key = conditionKey(rule);
		RuleState state = this.states.get(key);
		if (state != null && sample.timeMicros() <= state.lastSeenMicros()) {
			return;
		}
		boolean value;
		switch (rule.mode()) {
			case StorageMode.Event event -> {
				if (sample.value() == null) {
					// A bad sample says nothing about the condition.
					return;
				}
				value = sample.value().asDouble() != 0;
			}
			case StorageMode.Trigger trigger -> value = rule.trigger().test(this::currentValue, sample.timeMicros());
			default -> {
				return;
			}
		}
		Boolean before = (state != null) ? state.condition() : null;
		this.states.put(key, RuleState.condition(sample.timeMicros(), value));
		if (before == null) {
			// The first value only establishes the state: there is no edge from
			// "unknown".
			return;
		}
		boolean fire = switch (rule.mode()) {
			case StorageMode.Event event -> event.edge().matches(before, value);
			case StorageMode.Trigger trigger ->
				trigger.store() == StorageMode.TriggerStore.ON_TRANSITION && before != value;
			default -> false;
		};
		if (fire) {
			for (long channelId : rule.channelIds()) {
				RuleState current = this.states.get(StateKey.current(channelId));
				if (current != null && current.last() != null) {
					out.add(rule, current.last());
				}
			}
		}
	}

	private double currentValue(long channelId) {
		RuleState current = this.states.get(StateKey.current(channelId));
		if (current == null || current.last() == null || current.last().value() == null) {
			return Double.NaN;
		}
		return current.last().value().asDouble();
	}

	private static StateKey conditionKey(StorageRule rule) {
		return new StateKey(rule.id(), 0, StateKey.Kind.RULE_CONDITION);
	}

	private static final class Output {

		final List<Sample> timeseries = new ArrayList<>();

		final Map<StorageRule, List<Sample>> files = new LinkedHashMap<>();

		final List<BatchEvent> batchEvents = new ArrayList<>();

		void add(StorageRule rule, Sample sample) {
			switch (rule.backend()) {
				case StorageBackend.Timescale timeseries -> this.timeseries.add(sample);
				case StorageBackend.File file -> this.files.computeIfAbsent(rule, (r) -> new ArrayList<>()).add(sample);
			}
		}

	}

}
