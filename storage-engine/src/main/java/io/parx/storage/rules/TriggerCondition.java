package io.parx.storage.rules;

import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * The condition of a TRIGGER rule: a formula of the common formula language, parsed once,
 * evaluated over the current values of the channels it references.
 */
public interface TriggerCondition {

	/** The channels the condition reads; a sample of one of them re-evaluates it. */
	List<Long> channelIds();

	/**
	 * Evaluates the condition.
	 * @param currentValues the current value of a channel by id, NaN when unknown
	 * @param timeMicros the evaluation time
	 * @return whether the condition holds
	 */
	boolean test(LongToDoubleFunction currentValues, long timeMicros);

}
