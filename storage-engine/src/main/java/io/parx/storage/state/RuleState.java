package io.parx.storage.state;

import io.parx.common.sample.Sample;

/**
 * One piece of rule-engine state. Immutable: the engine records a new instance per change
 * so an uncommitted batch can be discarded.
 *
 * @param lastSeenMicros time of the newest sample this state has seen; older samples are
 * replays of committed work (a redelivery) and are skipped
 * @param last the last stored sample (CHANGE), current sample, or last trigger sample
 * @param held the sample held as the latest of the current interval (CONTINUOUS)
 * @param condition the condition's or open flag's value, {@code null} when unknown
 */
public record RuleState(long lastSeenMicros, Sample last, Sample held, Boolean condition) {

	public static RuleState seen(long timeMicros, Sample last) {
		return new RuleState(timeMicros, last, null, null);
	}

	public static RuleState condition(long timeMicros, boolean condition) {
		return new RuleState(timeMicros, null, null, condition);
	}

}
