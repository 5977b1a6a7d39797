package io.parx.common.formula;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.formula.Expr.Binary;
import io.parx.common.formula.Expr.Call;
import io.parx.common.formula.Expr.Num;
import io.parx.common.formula.Expr.Ref;
import io.parx.common.formula.Expr.Unary;
import io.parx.common.formula.TimeSeriesNodes.Stateful;

/**
 * Turns a syntax tree into a tree of small final node objects (no reflection, no code
 * generation). Constant sub-trees are folded once. Each evaluator gets its own tree
 * because time-series nodes carry state; {@link #statefulNodes()} lists them innermost
 * first, the order in which the evaluator updates them.
 */
final class Compiler {

	private static final ChannelValues NO_VALUES = (index) -> Double.NaN;

	private final FormulaLimits limits;

	private final List<Stateful> statefulNodes = new ArrayList<>();

	private final Map<Expr, Boolean> constants = new IdentityHashMap<>();

	Compiler(FormulaLimits limits) {
		this.limits = limits;
	}

	List<Stateful> statefulNodes() {
		return this.statefulNodes;
	}

	Node compile(Expr expr) {
		if (!(expr instanceof Num) && isConstant(expr)) {
			double value = compileTree(expr).eval(NO_VALUES);
			if (Double.isInfinite(value)) {
				// 9^9^9^9 or 1/0 written out: a mistake to report, not a silent NaN at
				// run time.
				throw new FormulaSyntaxException("constant expression overflows", Expr.start(expr));
			}
			return new Node.Constant(value);
		}
		return compileTree(expr);
	}

	/**
	 * {@link Expr#isConstant} remembered per node, so folding a 2,000-node chain stays
	 * linear instead of re-walking every sub-tree at every level.
	 */
	private boolean isConstant(Expr expr) {
		Boolean known = this.constants.get(expr);
		if (known == null) {
			known = switch (expr) {
				case Num num -> true;
				case Ref ref -> false;
				case Unary unary -> isConstant(unary.operand());
				case Binary binary -> isConstant(binary.left()) && isConstant(binary.right());
				case Call call -> !call.function().stateful() && call.arguments().stream().allMatch(this::isConstant);
			};
			this.constants.put(expr, known);
		}
		return known;
	}

	private Node compileTree(Expr expr) {
		return switch (expr) {
			case Num num -> new Node.Constant(num.value());
			case Ref ref -> new Node.Channel(ref.index());
			case Unary unary -> switch (unary.operator()) {
				case "-" -> new Node.Negate(compile(unary.operand()));
				case "!" -> new Node.Not(compile(unary.operand()));
				default -> compile(unary.operand());
			};
			case Binary binary -> binary(binary);
			case Call call -> call(call);
		};
	}

	private Node binary(Binary binary) {
		Node left = compile(binary.left());
		Node right = compile(binary.right());
		return switch (binary.operator()) {
			case "&&" -> new Node.And(left, right);
			case "||" -> new Node.Or(left, right);
			case "<=" -> new Node.Binary('l', left, right);
			case ">=" -> new Node.Binary('g', left, right);
			case "==" -> new Node.Binary('=', left, right);
			case "!=" -> new Node.Binary('!', left, right);
			default -> new Node.Binary(binary.operator().charAt(0), left, right);
		};
	}

	private Node call(Call call) {
		List<Expr> arguments = call.arguments();
		Node first = compile(arguments.get(0));
		Stateful stateful = switch (call.function()) {
			case IF -> null;
			case AVG -> new TimeSeriesNodes.MovingAverage(first, seconds(arguments.get(1), false),
					this.limits.maxWindowSamples());
			case RATE -> new TimeSeriesNodes.Rate(first);
			case INTEGRAL -> new TimeSeriesNodes.Integral(first);
			case DELAY ->
				new TimeSeriesNodes.Delay(first, seconds(arguments.get(1), true), this.limits.maxWindowSamples());
			default -> null;
		};
		if (stateful != null) {
			// Added after the input was compiled, so inner time-series functions come
			// first.
			this.statefulNodes.add(stateful);
			return stateful;
		}
		if (call.function() == Function.IF) {
			return new Node.If(first, compile(arguments.get(1)), compile(arguments.get(2)));
		}
		if (call.function() == Function.ROUND && arguments.size() > 1) {
			roundingDigits(arguments.get(1));
		}
		Node[] nodes = new Node[arguments.size()];
		nodes[0] = first;
		for (int i = 1; i < nodes.length; i++) {
			nodes[i] = compile(arguments.get(i));
		}
		return new Node.Apply(call.function(), nodes);
	}

	/**
	 * Refuses constant digits outside -15..15 (FORMULAS.md): beyond them a double has no
	 * digits left to round, so such a formula is a mistake. Digits read from channels are
	 * clamped at run time.
	 */
	private static void roundingDigits(Expr digits) {
		double value;
		try {
			value = new Compiler(FormulaLimits.DEFAULT).compile(digits).eval(NO_VALUES);
		}
		catch (RuntimeException ex) {
			return; // not a constant: clamped when evaluated
		}
		if (Double.isNaN(value)) {
			return;
		}
		if (value < -15 || value > 15 || value != Math.rint(value)) {
			throw new FormulaSyntaxException("digits must be a whole number from -15 to 15", digits.position());
		}
	}

	private static long seconds(Expr window, boolean zeroAllowed) {
		double seconds = new Compiler(FormulaLimits.DEFAULT).compile(window).eval(NO_VALUES);
		boolean valid = Double.isFinite(seconds) && (zeroAllowed ? seconds >= 0 : seconds > 0)
				&& seconds <= 366 * 86_400;
		if (!valid) {
			throw new FormulaSyntaxException(
					"window must be " + (zeroAllowed ? "0" : "more than 0") + " to 31622400 seconds",
					window.position());
		}
		return Math.round(seconds * 1_000_000);
	}

}
