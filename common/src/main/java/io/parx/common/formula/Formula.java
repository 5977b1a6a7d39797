package io.parx.common.formula;

import java.util.List;

/**
 * A parsed formula of the ParX formula language (docs/CONTRACTS.md, "The formula
 * language"; reference in {@code docs/FORMULAS.md}). Parsing validates everything up
 * front, so a {@code Formula} that exists is valid; evaluation uses no reflection and
 * cannot reach Java classes, and its cost is bounded by {@link FormulaLimits#maxNodes()}.
 *
 * <pre>
 * Formula formula = Formula.parse("if([Furnace Temp] &gt; 80, #42 * 1.8 + 32, 0)");
 * formula.channelReferences();            // [[Furnace Temp], #42]
 * FormulaEvaluator evaluator = formula.evaluator();
 * double value = evaluator.evaluate(timeMicros, ChannelValues.of(85, 20));
 * </pre>
 */
public final class Formula {

	private final String text;

	private final FormulaLimits limits;

	private final Expr root;

	private final List<ChannelRef> references;

	private final boolean stateful;

	private final FormulaEvaluator shared;

	private Formula(String text, FormulaLimits limits, Parser.Result parsed) {
		this.text = text;
		this.limits = limits;
		this.root = parsed.root();
		this.references = parsed.references();
		Compiler compiler = new Compiler(limits);
		Node node = compiler.compile(this.root);
		this.stateful = !compiler.statefulNodes().isEmpty();
		this.shared = this.stateful ? null : new FormulaEvaluator(node, List.of());
	}

	/** Parses with {@link FormulaLimits#DEFAULT}. */
	public static Formula parse(String text) {
		return parse(text, FormulaLimits.DEFAULT);
	}

	/**
	 * Parses and compiles a formula.
	 * @throws FormulaSyntaxException with the position of the first error
	 */
	public static Formula parse(String text, FormulaLimits limits) {
		return new Formula(text, limits, Parser.parse(text, limits));
	}

	public String text() {
		return this.text;
	}

	/**
	 * The distinct channels the formula reads, in order of first appearance; the index of
	 * a channel in this list is its index in {@link ChannelValues}.
	 */
	public List<ChannelRef> channelReferences() {
		return this.references;
	}

	/** Whether the formula uses time-series functions (avg, rate, integral, delay). */
	public boolean isStateful() {
		return this.stateful;
	}

	/** A new evaluator with fresh time-series state. */
	public FormulaEvaluator evaluator() {
		if (!this.stateful) {
			return this.shared;
		}
		Compiler compiler = new Compiler(this.limits);
		Node node = compiler.compile(this.root);
		return new FormulaEvaluator(node, compiler.statefulNodes());
	}

	/**
	 * Evaluates a formula without time-series functions (or at the first point of a
	 * series, where they have no history).
	 */
	public double evaluate(ChannelValues values) {
		return evaluator().evaluate(0, values);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Formula formula && formula.text.equals(this.text);
	}

	@Override
	public int hashCode() {
		return this.text.hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
