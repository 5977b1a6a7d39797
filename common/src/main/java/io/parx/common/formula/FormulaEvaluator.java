package io.parx.common.formula;

import java.util.List;

import io.parx.common.formula.TimeSeriesNodes.Stateful;

/**
 * Evaluates one formula over a time grid. It keeps the state of the time-series functions
 * (moving average, rate, integral, delay), so it must be fed in time order and used by
 * one thread; take a new one from {@link Formula#evaluator()} per series. An evaluator of
 * a formula without time-series functions is stateless and thread-safe.
 */
public final class FormulaEvaluator {

	private final Node root;

	private final Stateful[] statefulNodes;

	private long lastTime = Long.MIN_VALUE;

	FormulaEvaluator(Node root, List<Stateful> statefulNodes) {
		this.root = root;
		this.statefulNodes = statefulNodes.toArray(new Stateful[0]);
	}

	/**
	 * The formula's value at {@code timeMicros}.
	 * @param timeMicros evaluation time in microseconds since the epoch; never earlier
	 * than the previous call's
	 * @param values channel values in the order of {@link Formula#channelReferences()}
	 * @return the value, true as 1 and false as 0; NaN when undefined (missing input,
	 * division by zero, overflow to infinity)
	 */
	public double evaluate(long timeMicros, ChannelValues values) {
		if (this.statefulNodes.length > 0) {
			if (timeMicros < this.lastTime) {
				throw new IllegalArgumentException("formula evaluation times must not go backwards");
			}
			this.lastTime = timeMicros;
			for (Stateful node : this.statefulNodes) {
				node.update(timeMicros, values);
			}
		}
		double result = this.root.eval(values);
		return Double.isFinite(result) ? result : Double.NaN;
	}

	/** Whether a result counts as true: defined and not zero (storage-rule triggers). */
	public static boolean isTrue(double result) {
		return result != 0 && !Double.isNaN(result);
	}

}
