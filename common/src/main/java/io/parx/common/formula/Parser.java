package io.parx.common.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.parx.common.formula.Expr.Binary;
import io.parx.common.formula.Expr.Call;
import io.parx.common.formula.Expr.Num;
import io.parx.common.formula.Expr.Ref;
import io.parx.common.formula.Expr.Unary;
import io.parx.common.formula.Token.Kind;

/**
 * A Pratt parser (top-down operator precedence). Binding powers, loosest first:
 * {@code || or}, {@code && and}, {@code == !=}, {@code < <= > >=}, {@code + -},
 * {@code * / %}, prefix {@code - + ! not}, {@code ^} (right-associative, so {@code -2^2}
 * is -4 and {@code 2^3^2} is 512).
 */
final class Parser {

	private static final int PREFIX_POWER = 13;

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false");

	private final Lexer lexer;

	private Token current;

	private final FormulaLimits limits;

	private final Map<ChannelRef, Integer> references = new LinkedHashMap<>();

	private int nodes;

	private Parser(Lexer lexer, FormulaLimits limits) {
		this.lexer = lexer;
		this.limits = limits;
		this.current = lexer.nextToken();
	}

	record Result(Expr root, List<ChannelRef> references, int nodes) {
	}

	static Result parse(String text, FormulaLimits limits) {
		if (text == null || text.isBlank()) {
			throw new FormulaSyntaxException("formula is empty", 0);
		}
		if (text.length() > limits.maxLength()) {
			throw new FormulaSyntaxException("formula is longer than " + limits.maxLength() + " characters",
					limits.maxLength());
		}
		Parser parser = new Parser(new Lexer(text, limits.maxNodes()), limits);
		Expr root = parser.expression(0, 1);
		Token rest = parser.peek();
		if (rest.kind() != Kind.END) {
			throw new FormulaSyntaxException("unexpected " + rest.describe(), rest.position());
		}
		return new Result(root, List.copyOf(parser.references.keySet()), parser.nodes);
	}

	private Expr expression(int minPower, int depth) {
		Token first = peek();
		if (depth > this.limits.maxDepth()) {
			throw new FormulaSyntaxException("formula is nested deeper than " + this.limits.maxDepth() + " levels",
					first.position());
		}
		Expr left = prefix(depth);
		while (true) {
			Token token = peek();
			String operator = infixOperator(token);
			int power = (operator != null) ? infixPower(operator) : -1;
			if (power <= minPower) {
				return left;
			}
			next();
			int rightPower = operator.equals("^") ? power - 1 : power;
			Expr right = expression(rightPower, depth + 1);
			left = node(new Binary(operator, left, right, token.position()));
		}
	}

	private Expr prefix(int depth) {
		Token token = next();
		switch (token.kind()) {
			case NUMBER:
				return node(new Num(token.number(), token.position()));
			case CHANNEL_ID:
				return reference(new ChannelRef.ById(Long.parseLong(token.text())), token);
			case CHANNEL_NAME:
				return reference(new ChannelRef.ByName(token.text()), token);
			case LPAREN: {
				Expr inner = expression(0, depth + 1);
				expect(Kind.RPAREN, "')'");
				return inner;
			}
			case OPERATOR:
				if (token.text().equals("-") || token.text().equals("+") || token.text().equals("!")) {
					Expr operand = expression(PREFIX_POWER, depth + 1);
					return node(new Unary(token.text(), operand, token.position()));
				}
				break;
			case IDENT:
				return identifier(token, depth);
			default:
				break;
		}
		throw new FormulaSyntaxException("unexpected " + token.describe(), token.position());
	}

	private Expr identifier(Token token, int depth) {
		String word = token.text().toLowerCase(Locale.ROOT);
		if (peek().kind() == Kind.LPAREN) {
			Function function = Function.byName(word);
			if (function == null) {
				throw new FormulaSyntaxException("unknown function '" + token.text() + "'", token.position());
			}
			return call(function, token, depth);
		}
		switch (word) {
			case "true":
				return node(new Num(1, token.position()));
			case "false":
				return node(new Num(0, token.position()));
			case "not":
				return node(new Unary("!", expression(PREFIX_POWER, depth + 1), token.position()));
			default:
				break;
		}
		if (KEYWORDS.contains(word)) {
			throw new FormulaSyntaxException("unexpected '" + token.text() + "'", token.position());
		}
		if (Function.byName(word) != null) {
			throw new FormulaSyntaxException("function '" + token.text() + "' needs its arguments in parentheses",
					token.position());
		}
		return reference(new ChannelRef.ByName(token.text()), token);
	}

	private Expr call(Function function, Token name, int depth) {
		next();
		List<Expr> arguments = new ArrayList<>();
		if (peek().kind() != Kind.RPAREN) {
			do {
				arguments.add(expression(0, depth + 1));
			}
			while (accept(Kind.COMMA));
		}
		expect(Kind.RPAREN, "',' or ')'");
		if (!function.accepts(arguments.size())) {
			throw new FormulaSyntaxException(
					function.functionName() + "() takes " + function.arity() + ", got " + arguments.size(),
					name.position());
		}
		if ((function == Function.AVG || function == Function.DELAY) && !Expr.isConstant(arguments.get(1))) {
			throw new FormulaSyntaxException(
					"the window of " + function.functionName() + "() must be a constant number of seconds",
					arguments.get(1).position());
		}
		return node(new Call(function, List.copyOf(arguments), name.position()));
	}

	private Expr reference(ChannelRef ref, Token token) {
		Integer slot = this.references.computeIfAbsent(ref, (key) -> this.references.size());
		return node(new Ref(slot, token.position()));
	}

	private Expr node(Expr expr) {
		if (++this.nodes > this.limits.maxNodes()) {
			throw new FormulaSyntaxException("formula has more than " + this.limits.maxNodes() + " nodes",
					expr.position());
		}
		return expr;
	}

	private static String infixOperator(Token token) {
		if (token.kind() == Kind.OPERATOR && !token.text().equals("!")) {
			return token.text();
		}
		if (token.kind() == Kind.IDENT) {
			String word = token.text().toLowerCase(Locale.ROOT);
			if (word.equals("and")) {
				return "&&";
			}
			if (word.equals("or")) {
				return "||";
			}
		}
		return null;
	}

	private static int infixPower(String operator) {
		return switch (operator) {
			case "||" -> 1;
			case "&&" -> 3;
			case "==", "!=" -> 5;
			case "<", "<=", ">", ">=" -> 7;
			case "+", "-" -> 9;
			case "*", "/", "%" -> 11;
			case "^" -> 15;
			default -> -1;
		};
	}

	private Token peek() {
		return this.current;
	}

	private Token next() {
		Token token = this.current;
		if (token.kind() != Kind.END) {
			this.current = this.lexer.nextToken();
		}
		return token;
	}

	private boolean accept(Kind kind) {
		if (peek().kind() == kind) {
			next();
			return true;
		}
		return false;
	}

	private void expect(Kind kind, String what) {
		Token token = peek();
		if (token.kind() != kind) {
			throw new FormulaSyntaxException("expected " + what + " but found " + token.describe(), token.position());
		}
		next();
	}

}
