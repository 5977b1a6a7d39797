package io.parx.storage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

import io.parx.common.formula.ChannelRef;
import io.parx.common.formula.Formula;
import io.parx.common.formula.FormulaEvaluator;

/**
 * A TRIGGER condition written in the common formula language: parsed once when the rules
 * load, channel names resolved to ids then, evaluated per sample without allocation.
 */
final class FormulaCondition implements TriggerCondition {

	private final FormulaEvaluator evaluator;

	private final long[] channelIds;

	private final double[] values;

	private long lastTime = Long.MIN_VALUE;

	private boolean lastResult;

	FormulaCondition(Formula formula, Map<String, Long> channelIdsByName) {
		List<ChannelRef> refs = formula.channelReferences();
		this.channelIds = new long[refs.size()];
		for (int i = 0; i < this.channelIds.length; i++) {
			this.channelIds[i] = switch (refs.get(i)) {
				case ChannelRef.ById byId -> byId.id();
				case ChannelRef.ByName byName -> {
					Long id = channelIdsByName.get(byName.name());
					if (id == null) {
						throw new IllegalArgumentException("unknown channel " + byName + " in formula");
					}
					yield id;
				}
			};
		}
		this.values = new double[this.channelIds.length];
		this.evaluator = formula.evaluator();
	}

	@Override
	public List<Long> channelIds() {
		List<Long> ids = new ArrayList<>(this.channelIds.length);
		for (long id : this.channelIds) {
			ids.add(id);
		}
		return ids;
	}

	@Override
	public boolean test(LongToDoubleFunction currentValues, long timeMicros) {
		if (timeMicros < this.lastTime) {
			// Time-series functions cannot go back in time; an older sample keeps the
			// result.
			return this.lastResult;
		}
		for (int i = 0; i < this.channelIds.length; i++) {
			this.values[i] = currentValues.applyAsDouble(this.channelIds[i]);
		}
		this.lastTime = timeMicros;
		this.lastResult = FormulaEvaluator.isTrue(this.evaluator.evaluate(timeMicros, (index) -> this.values[index]));
		return this.lastResult;
	}

}
