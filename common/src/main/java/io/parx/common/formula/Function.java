package io.parx.common.formula;

import java.util.Locale;

/**
 * The closed set of functions of the formula language. Time-series functions
 * ({@link #stateful()}) keep state across evaluations and therefore need time-ordered
 * evaluation by one {@link FormulaEvaluator}.
 */
enum Function {

	/** {@code if(condition, then, else)}: evaluates only the chosen branch. */
	IF(3, 3, false), ABS(1, 1, false), MIN(2, Integer.MAX_VALUE, false), MAX(2, Integer.MAX_VALUE, false),
	SQRT(1, 1, false), POW(2, 2, false),
	/** Natural logarithm. */
	LOG(1, 1, false), LOG10(1, 1, false), EXP(1, 1, false),
	/** {@code round(x)} or {@code round(x, digits)}, half away from zero. */
	ROUND(1, 2, false), FLOOR(1, 1, false), CEIL(1, 1, false),
	/** {@code avg(x, seconds)}: mean of the defined values of x in the last window. */
	AVG(2, 2, true),
	/** {@code rate(x)}: change of x per second since the previous defined value. */
	RATE(1, 1, true),
	/**
	 * {@code integral(x)}: trapezoidal integral of x over time in seconds (totaliser).
	 */
	INTEGRAL(1, 1, true),
	/** {@code delay(x, seconds)}: the value x had the given number of seconds ago. */
	DELAY(2, 2, true);

	private final int minArguments;

	private final int maxArguments;

	private final boolean stateful;

	Function(int minArguments, int maxArguments, boolean stateful) {
		this.minArguments = minArguments;
		this.maxArguments = maxArguments;
		this.stateful = stateful;
	}

	static Function byName(String name) {
		for (Function function : values()) {
			if (function.name().equalsIgnoreCase(name)) {
				return function;
			}
		}
		return null;
	}

	String functionName() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean accepts(int arguments) {
		return arguments >= this.minArguments && arguments <= this.maxArguments;
	}

	String arity() {
		if (this.minArguments == this.maxArguments) {
			return this.minArguments + ((this.minArguments == 1) ? " argument" : " arguments");
		}
		if (this.maxArguments == Integer.MAX_VALUE) {
			return "at least " + this.minArguments + " arguments";
		}
		return this.minArguments + " to " + this.maxArguments + " arguments";
	}

	boolean stateful() {
		return this.stateful;
	}

}
