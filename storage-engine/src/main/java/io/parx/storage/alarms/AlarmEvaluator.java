package io.parx.storage.alarms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.parx.common.config.alarm.AlarmDefinition;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * Evaluates the alarm definitions on a batch of samples, in source-time order (issue 19,
 * "Evaluation"). On- and off-delays are measured in the samples' source times: the
 * condition must hold from one sample until a later sample at least the delay after it,
 * so a delay is confirmed by the first sample past it, never by the wall clock.
 *
 * <p>
 * Exactly once: each alarm remembers the newest sample it has evaluated, and the state is
 * committed in the transaction of the batch's rows; a redelivered batch's samples are not
 * newer and change nothing, so no transition is journaled twice (and a batch whose write
 * failed is evaluated again from the state the database still holds).
 */
public final class AlarmEvaluator {

	private static final Comparator<Sample> BY_TIME = Comparator.comparingLong(Sample::timeMicros);

	private final AlarmStates states;

	/** The alarm set last evaluated, bound to the states' slots. */
	private BoundAlarms bound;

	public AlarmEvaluator(AlarmStates states) {
		this.states = states;
	}

	public AlarmStates states() {
		return this.states;
	}

	public AlarmOutcome evaluate(List<Sample> batch, AlarmSet alarms) {
		if (alarms.isEmpty()) {
			return new AlarmOutcome(List.of(), this.states.pending());
		}
		if (this.bound == null || !this.bound.isFor(alarms)) {
			this.bound = new BoundAlarms(alarms, this.states);
		}
		List<AlarmTransition> transitions = new ArrayList<>();
		for (Sample sample : inTimeOrder(batch)) {
			AlarmStates.Channel channel = this.bound.watching(sample.channelId());
			if (channel == null) {
				continue;
			}
			long time = sample.timeMicros();
			if (sample.value() instanceof SampleValue.Numeric(double value) && !Quality.isBad(sample.quality())) {
				if (this.states.seenIfQuiet(channel, time, value)) {
					continue;
				}
				for (AlarmStates.Slot slot : channel.slots()) {
					if (!this.states.seenIfQuiet(slot, time, value)) {
						evaluate(slot, sample, transitions);
					}
				}
			}
			else {
				for (AlarmStates.Slot slot : channel.slots()) {
					evaluate(slot, sample, transitions);
				}
			}
			this.states.seenBy(channel, time);
		}
		return new AlarmOutcome(transitions, this.states.pending());
	}

	/**
	 * The batch in source-time order: as it is when it already is (one collector's
	 * batches usually are), else a sorted copy.
	 */
	private static List<Sample> inTimeOrder(List<Sample> batch) {
		long previous = Long.MIN_VALUE;
		for (Sample sample : batch) {
			if (sample.timeMicros() < previous) {
				List<Sample> sorted = new ArrayList<>(batch);
				sorted.sort(BY_TIME);
				return sorted;
			}
			previous = sample.timeMicros();
		}
		return batch;
	}

	private void evaluate(AlarmStates.Slot slot, Sample sample, List<AlarmTransition> transitions) {
		AlarmState state = slot.state();
		long time = sample.timeMicros();
		if (time <= slot.lastSeen()) {
			return;
		}
		WatchedAlarm alarm = slot.alarm();
		AlarmDefinition definition = alarm.definition();
		boolean active = state.status().isActive();
		Boolean inAlarm = definition.condition().inAlarm(sample, active);
		if (inAlarm == null) {
			// The sample says nothing about the condition: a running delay goes on.
			this.states.seen(slot, time);
			return;
		}
		if (inAlarm == active) {
			seen(slot, state, time, null);
			return;
		}
		long since = (state.pendingSinceMicros() != null) ? state.pendingSinceMicros() : time;
		long delayMicros = (active ? definition.offDelay() : definition.onDelay()).toNanos() / 1000;
		if (time - since < delayMicros || state.isShelvedAt(time)) {
			// Not yet confirmed, or shelved: the condition is tracked, nothing is raised.
			seen(slot, state, time, since);
			return;
		}
		int priority = definition.priority().level();
		String message = definition.message().render(alarm.channelName(), text(sample), alarm.unit());
		AlarmState next = active ? state.returned(time, sample.value(), priority, message)
				: state.activated(time, sample.value(), priority, message);
		this.states.put(slot, next);
		transitions.add(new AlarmTransition(time, alarm.id(), active ? AlarmEvent.RETURNED : AlarmEvent.ACTIVATED,
				next.status(), definition.channelId(), definition.name(), priority, sample.value(), message, null,
				null));
	}

	/**
	 * Records a sample that raised nothing: only a started or ended delay is a change of
	 * the state to write; otherwise just the time is kept.
	 */
	private void seen(AlarmStates.Slot slot, AlarmState state, long time, Long pendingSince) {
		if (Objects.equals(pendingSince, state.pendingSinceMicros())) {
			this.states.seen(slot, time);
		}
		else {
			this.states.put(slot, state.seen(time, pendingSince));
		}
	}

	/**
	 * Takes the waiting commands and applies them to the pending state; a command that
	 * cannot be applied (404, 409) is answered at once.
	 */
	public TakenCommands take(AlarmCommands commands, AlarmSet alarms) {
		List<AlarmCommand> applied = new ArrayList<>();
		List<AlarmTransition> transitions = new ArrayList<>();
		for (AlarmCommand command : commands.drain()) {
			try {
				Decided transition = decide(command, alarms);
				// Audited before it takes effect: what cannot be audited does not happen.
				command.audit().run();
				this.states.put(transition.stateAfter());
				transitions.add(transition.entry());
				applied.add(command);
			}
			catch (RuntimeException ex) {
				command.result().completeExceptionally(ex);
			}
		}
		return new TakenCommands(applied, new AlarmOutcome(transitions, this.states.pending()));
	}

	/**
	 * Decides what a person's command does, without applying it.
	 * @return the alarm's state after it and the journal entry it makes
	 * @throws org.springframework.web.ErrorResponseException 404 for an alarm that is not
	 * evaluated, 409 for an acknowledgement with nothing to acknowledge
	 */
	private Decided decide(AlarmCommand command, AlarmSet alarms) {
		WatchedAlarm alarm = alarms.get(command.definitionId());
		if (alarm == null) {
			throw AlarmProblems.notFound(command.definitionId());
		}
		AlarmDefinition definition = alarm.definition();
		AlarmState state = this.states.get(alarm.id());
		if (state == null) {
			state = AlarmState.initial(alarm.id(), definition.channelId(), definition.priority().level());
		}
		AlarmState next;
		AlarmEvent event;
		String comment;
		switch (command) {
			case AlarmCommand.Acknowledge acknowledge -> {
				if (state.status() == AlarmStatus.NORMAL || state.status() == AlarmStatus.ACTIVE_ACKED) {
					throw AlarmProblems.conflict("Nothing to acknowledge: the alarm is " + state.status());
				}
				next = state.acknowledged(acknowledge.atMicros(), acknowledge.username(), acknowledge.comment());
				event = AlarmEvent.ACKNOWLEDGED;
				comment = acknowledge.comment();
			}
			case AlarmCommand.Shelve shelve -> {
				next = state.shelved(shelve.untilMicros());
				event = AlarmEvent.SHELVED;
				comment = (shelve.untilMicros() != null) ? "until " + AlarmStore.time(shelve.untilMicros()).toInstant()
						: "unshelved";
			}
		}
		return new Decided(next,
				new AlarmTransition(command.atMicros(), alarm.id(), event, next.status(), definition.channelId(),
						definition.name(), next.priority(), next.value(), next.message(), command.username(), comment));
	}

	private record Decided(AlarmState stateAfter, AlarmTransition entry) {
	}

	/**
	 * The sample as {@code {value}}: its value, or its quality's name when it has none.
	 */
	static String text(Sample sample) {
		return switch (sample.value()) {
			case null -> Quality.name(sample.quality());
			case SampleValue.Numeric(double v) when v == Math.rint(v) && Math.abs(v) < 1e15 -> Long.toString((long) v);
			case SampleValue.Numeric(double v) -> Double.toString(v);
			case SampleValue.Bool(boolean b) -> Boolean.toString(b);
			case SampleValue.Text(String t) -> t;
		};
	}

}
