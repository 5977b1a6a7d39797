package io.parx.common.formula;

/**
 * Bounds that keep parsing and evaluation cheap whatever text a user submits. There are
 * no loops in the language, so the node count also bounds the work of one evaluation.
 *
 * @param maxLength longest accepted formula text in characters; longer input is refused
 * before it is read
 * @param maxDepth deepest nesting of parentheses, operators and function calls
 * @param maxNodes most tokens and syntax-tree nodes a formula may have
 * @param maxWindowSamples most samples one moving-average or delay window keeps; older
 * ones are dropped so memory stays bounded on long windows
 */
public record FormulaLimits(int maxLength, int maxDepth, int maxNodes, int maxWindowSamples) {

	/** The limits every ParX service uses unless it has a reason to differ. */
	public static final FormulaLimits DEFAULT = new FormulaLimits(10_000, 64, 2_000, 1_000_000);

	public FormulaLimits {
		if (maxLength <= 0 || maxDepth <= 0 || maxNodes <= 0 || maxWindowSamples <= 0) {
			throw new IllegalArgumentException("formula limits must be positive");
		}
	}

}
