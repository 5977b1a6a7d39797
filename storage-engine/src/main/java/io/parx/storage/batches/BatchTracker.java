package io.parx.storage.batches;

import java.util.List;
import java.util.Objects;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.storage.state.RuleState;
import io.parx.storage.state.RuleStates;
import io.parx.storage.state.StateKey;

/**
 * Opens and closes batches (coils) as the channels of batch definitions change. Its state
 * (last trigger samples, open flag) lives with the rule state, so it is committed with
 * the batch rows and survives a restart.
 */
public final class BatchTracker {

	private final RuleStates states;

	private final List<BatchEvent> events;

	public BatchTracker(RuleStates states, List<BatchEvent> events) {
		this.states = states;
		this.events = events;
	}

	public void accept(BatchDefinition definition, Sample sample) {
		if (sample.value() == null) {
			// A bad sample neither opens nor closes a batch.
			return;
		}
		StateKey key = new StateKey(definition.id(), sample.channelId(), StateKey.Kind.BATCH_CHANNEL);
		RuleState state = this.states.get(key);
		if (state != null && sample.timeMicros() <= state.lastSeenMicros()) {
			return;
		}
		this.states.put(key, RuleState.seen(sample.timeMicros(), sample));
		SampleValue before = (state != null) ? state.last().value() : null;
		SampleValue after = sample.value();
		long time = sample.timeMicros();
		long channelId = sample.channelId();
		switch (definition.mode()) {
			case VALUE_CHANGE -> {
				if (!Objects.equals(before, after)) {
					close(definition, time);
					open(definition, text(after), time);
				}
			}
			case START_STOP -> {
				boolean was = before != null && before.asDouble() != 0;
				boolean is = after.asDouble() != 0;
				if (channelId == definition.startChannelId()) {
					if (!was && is && before != null) {
						close(definition, time);
						open(definition, nameAt(definition), time);
					}
					else if (was && !is && definition.stopChannelId() <= 0) {
						close(definition, time);
					}
				}
				if (channelId == definition.stopChannelId() && !was && is && before != null) {
					close(definition, time);
				}
			}
		}
	}

	private String nameAt(BatchDefinition definition) {
		if (definition.nameChannelId() <= 0) {
			return null;
		}
		RuleState current = this.states.get(StateKey.current(definition.nameChannelId()));
		return (current != null && current.last() != null) ? text(current.last().value()) : null;
	}

	private void open(BatchDefinition definition, String name, long time) {
		this.events.add(new BatchEvent.Opened(definition.id(), name, time));
		this.states.put(openKey(definition), RuleState.condition(time, true));
	}

	private void close(BatchDefinition definition, long time) {
		RuleState open = this.states.get(openKey(definition));
		if (open != null && Boolean.TRUE.equals(open.condition())) {
			this.events.add(new BatchEvent.Closed(definition.id(), time));
			this.states.put(openKey(definition), RuleState.condition(time, false));
		}
	}

	private static StateKey openKey(BatchDefinition definition) {
		return new StateKey(definition.id(), 0, StateKey.Kind.BATCH_OPEN);
	}

	static String text(SampleValue value) {
		return switch (value) {
			case null -> null;
			case SampleValue.Numeric numeric ->
				(numeric.value() == Math.rint(numeric.value()) && Math.abs(numeric.value()) < 1e15)
						? Long.toString((long) numeric.value()) : Double.toString(numeric.value());
			case SampleValue.Bool bool -> Boolean.toString(bool.value());
			case SampleValue.Text text -> text.value();
		};
	}

}
