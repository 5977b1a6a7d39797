package io.parx.common.formula;

import java.util.List;

/** The syntax tree of a parsed formula; immutable, shared by all its evaluators. */
sealed interface Expr {

	int position();

	record Num(double value, int position) implements Expr {
	}

	/** A channel, by its index in {@link Formula#channelReferences()}. */
	record Ref(int index, int position) implements Expr {
	}

	record Unary(String operator, Expr operand, int position) implements Expr {
	}

	record Binary(String operator, Expr left, Expr right, int position) implements Expr {
	}

	record Call(Function function, List<Expr> arguments, int position) implements Expr {
	}

	/**
	 * Offset of the first character of the expression (operators sit after their left
	 * operand).
	 */
	static int start(Expr expr) {
		return (expr instanceof Binary binary) ? start(binary.left()) : expr.position();
	}

	/** Whether the value never changes: no channel and no time-series function inside. */
	static boolean isConstant(Expr expr) {
		return switch (expr) {
			case Num num -> true;
			case Ref ref -> false;
			case Unary unary -> isConstant(unary.operand());
			case Binary binary -> isConstant(binary.left()) && isConstant(binary.right());
			case Call call -> !call.function().stateful() && call.arguments().stream().allMatch(Expr::isConstant);
		};
	}

}
