package io.parx.common.formula;

/**
 * A compiled formula node. Values are doubles: booleans are 1 and 0, and NaN means
 * undefined (a missing channel value, a failed function); it propagates through
 * arithmetic and comparison, and logic follows Kleene's three-valued rules.
 */
abstract class Node {

	abstract double eval(ChannelValues values);

	static double truth(boolean value) {
		return value ? 1 : 0;
	}

	static final class Constant extends Node {

		private final double value;

		Constant(double value) {
			this.value = value;
		}

		@Override
		double eval(ChannelValues values) {
			return this.value;
		}

	}

	static final class Channel extends Node {

		private final int index;

		Channel(int index) {
			this.index = index;
		}

		@Override
		double eval(ChannelValues values) {
			return values.value(this.index);
		}

	}

	static final class Negate extends Node {

		private final Node operand;

		Negate(Node operand) {
			this.operand = operand;
		}

		@Override
		double eval(ChannelValues values) {
			return -this.operand.eval(values);
		}

	}

	static final class Not extends Node {

		private final Node operand;

		Not(Node operand) {
			this.operand = operand;
		}

		@Override
		double eval(ChannelValues values) {
			double value = this.operand.eval(values);
			return Double.isNaN(value) ? Double.NaN : truth(value == 0);
		}

	}

	static final class And extends Node {

		private final Node left;

		private final Node right;

		And(Node left, Node right) {
			this.left = left;
			this.right = right;
		}

		@Override
		double eval(ChannelValues values) {
			double left = this.left.eval(values);
			if (left == 0) {
				return 0;
			}
			double right = this.right.eval(values);
			if (right == 0) {
				return 0;
			}
			return (Double.isNaN(left) || Double.isNaN(right)) ? Double.NaN : 1;
		}

	}

	static final class Or extends Node {

		private final Node left;

		private final Node right;

		Or(Node left, Node right) {
			this.left = left;
			this.right = right;
		}

		@Override
		double eval(ChannelValues values) {
			double left = this.left.eval(values);
			if (left != 0 && !Double.isNaN(left)) {
				return 1;
			}
			double right = this.right.eval(values);
			if (right != 0 && !Double.isNaN(right)) {
				return 1;
			}
			return (Double.isNaN(left) || Double.isNaN(right)) ? Double.NaN : 0;
		}

	}

	static final class If extends Node {

		private final Node condition;

		private final Node then;

		private final Node otherwise;

		If(Node condition, Node then, Node otherwise) {
			this.condition = condition;
			this.then = then;
			this.otherwise = otherwise;
		}

		@Override
		double eval(ChannelValues values) {
			double condition = this.condition.eval(values);
			if (Double.isNaN(condition)) {
				return Double.NaN;
			}
			return (condition != 0) ? this.then.eval(values) : this.otherwise.eval(values);
		}

	}

	/** Arithmetic and comparison on two operands. */
	static final class Binary extends Node {

		private final char operator;

		private final Node left;

		private final Node right;

		Binary(char operator, Node left, Node right) {
			this.operator = operator;
			this.left = left;
			this.right = right;
		}

		@Override
		double eval(ChannelValues values) {
			double a = this.left.eval(values);
			double b = this.right.eval(values);
			return switch (this.operator) {
				case '+' -> a + b;
				case '-' -> a - b;
				case '*' -> a * b;
				case '/' -> a / b;
				case '%' -> a % b;
				case '^' -> Math.pow(a, b);
				default -> compare(a, b);
			};
		}

		private double compare(double a, double b) {
			if (Double.isNaN(a) || Double.isNaN(b)) {
				return Double.NaN;
			}
			return truth(switch (this.operator) {
				case '<' -> a < b;
				case 'l' -> a <= b;
				case '>' -> a > b;
				case 'g' -> a >= b;
				case '=' -> a == b;
				default -> a != b;
			});
		}

	}

	/** A pure function of its arguments. */
	static final class Apply extends Node {

		private final Function function;

		private final Node[] arguments;

		Apply(Function function, Node[] arguments) {
			this.function = function;
			this.arguments = arguments;
		}

		@Override
		double eval(ChannelValues values) {
			double x = this.arguments[0].eval(values);
			return switch (this.function) {
				case ABS -> Math.abs(x);
				case SQRT -> Math.sqrt(x);
				case LOG -> Math.log(x);
				case LOG10 -> Math.log10(x);
				case EXP -> Math.exp(x);
				case FLOOR -> Math.floor(x);
				case CEIL -> Math.ceil(x);
				case POW -> Math.pow(x, this.arguments[1].eval(values));
				case ROUND -> round(x, (this.arguments.length > 1) ? this.arguments[1].eval(values) : 0);
				case MIN, MAX -> extreme(x, values);
				default -> throw new IllegalStateException("not a pure function: " + this.function);
			};
		}

		private double extreme(double first, ChannelValues values) {
			double result = first;
			for (int i = 1; i < this.arguments.length; i++) {
				double value = this.arguments[i].eval(values);
				result = (this.function == Function.MIN) ? Math.min(result, value) : Math.max(result, value);
			}
			return result;
		}

		static double round(double x, double digits) {
			if (Double.isNaN(digits) || !Double.isFinite(x)) {
				return Double.NaN;
			}
			int places = (int) Math.max(-15, Math.min(15, Math.rint(digits)));
			double factor = Math.pow(10, places);
			double scaled = Math.abs(x) * factor;
			if (scaled >= 0x1p52) {
				// Already an integer at this precision; rounding would only lose digits.
				return x;
			}
			return Math.copySign(Math.floor(scaled + 0.5) / factor, x);
		}

	}

}
