package io.parx.common.formula;

import java.util.Set;

import io.parx.common.formula.Token.Kind;

/**
 * Splits formula text into tokens. Channel names are written {@code [any text]},
 * {@code "any text"} or as a bare identifier; channel ids as {@code #42}.
 */
final class Lexer {

	private static final Set<String> TWO_CHAR_OPERATORS = Set.of("<=", ">=", "==", "!=", "&&", "||");

	private static final String ONE_CHAR_OPERATORS = "+-*/%^<>!";

	private final String text;

	private final int maxTokens;

	private int count;

	private int pos;

	Lexer(String text, int maxTokens) {
		this.text = text;
		this.maxTokens = maxTokens;
	}

	/**
	 * The next token, read on demand so that errors are reported in reading order.
	 */
	Token nextToken() {
		int length = this.text.length();
		while (this.pos < length && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
		if (this.pos >= length) {
			return new Token(Kind.END, "", 0, length);
		}
		if (++this.count > this.maxTokens) {
			throw new FormulaSyntaxException("formula has more than " + this.maxTokens + " tokens", this.pos);
		}
		return next();
	}

	private Token next() {
		int start = this.pos;
		char c = this.text.charAt(start);
		if (isDigit(c) || (c == '.' && start + 1 < this.text.length() && isDigit(this.text.charAt(start + 1)))) {
			return number(start);
		}
		if (Character.isLetter(c) || c == '_') {
			while (this.pos < this.text.length() && isIdentifierPart(this.text.charAt(this.pos))) {
				this.pos++;
			}
			return new Token(Kind.IDENT, this.text.substring(start, this.pos), 0, start);
		}
		switch (c) {
			case '[' -> {
				return quoted(start, ']');
			}
			case '"' -> {
				return quoted(start, '"');
			}
			case '#' -> {
				return channelId(start);
			}
			case '(' -> {
				this.pos++;
				return new Token(Kind.LPAREN, "(", 0, start);
			}
			case ')' -> {
				this.pos++;
				return new Token(Kind.RPAREN, ")", 0, start);
			}
			case ',' -> {
				this.pos++;
				return new Token(Kind.COMMA, ",", 0, start);
			}
			default -> {
				return operator(start, c);
			}
		}
	}

	private Token number(int start) {
		skipDigits();
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == '.') {
			this.pos++;
			skipDigits();
		}
		if (this.pos < this.text.length() && (this.text.charAt(this.pos) == 'e' || this.text.charAt(this.pos) == 'E')) {
			int exponent = this.pos + 1;
			if (exponent < this.text.length()
					&& (this.text.charAt(exponent) == '+' || this.text.charAt(exponent) == '-')) {
				exponent++;
			}
			if (exponent >= this.text.length() || !isDigit(this.text.charAt(exponent))) {
				throw new FormulaSyntaxException("malformed number exponent", this.pos);
			}
			this.pos = exponent;
			skipDigits();
		}
		String literal = this.text.substring(start, this.pos);
		if (this.pos < this.text.length() && isIdentifierPart(this.text.charAt(this.pos))) {
			throw new FormulaSyntaxException("unexpected character '" + this.text.charAt(this.pos) + "' after number",
					this.pos);
		}
		// Double.parseDouble is linear in the literal, which the length limit bounds.
		double value = Double.parseDouble(literal);
		if (Double.isInfinite(value)) {
			throw new FormulaSyntaxException("number out of range", start);
		}
		return new Token(Kind.NUMBER, literal, value, start);
	}

	private Token quoted(int start, char close) {
		int end = this.text.indexOf(close, start + 1);
		if (end < 0) {
			throw new FormulaSyntaxException("channel name is not closed with " + close, start);
		}
		String name = this.text.substring(start + 1, end).strip();
		if (name.isEmpty()) {
			throw new FormulaSyntaxException("empty channel name", start);
		}
		this.pos = end + 1;
		return new Token(Kind.CHANNEL_NAME, name, 0, start);
	}

	private Token channelId(int start) {
		this.pos++;
		int digits = this.pos;
		skipDigits();
		if (this.pos == digits || this.pos - digits > 18) {
			throw new FormulaSyntaxException("channel id must be # followed by up to 18 digits", start);
		}
		String id = this.text.substring(digits, this.pos);
		if (Long.parseLong(id) == 0) {
			throw new FormulaSyntaxException("channel id must be positive", start);
		}
		return new Token(Kind.CHANNEL_ID, id, 0, start);
	}

	private Token operator(int start, char c) {
		if (start + 1 < this.text.length()) {
			String two = this.text.substring(start, start + 2);
			if (TWO_CHAR_OPERATORS.contains(two)) {
				this.pos += 2;
				return new Token(Kind.OPERATOR, two, 0, start);
			}
		}
		if (ONE_CHAR_OPERATORS.indexOf(c) >= 0) {
			this.pos++;
			return new Token(Kind.OPERATOR, String.valueOf(c), 0, start);
		}
		if (c == '=' || c == '&' || c == '|') {
			throw new FormulaSyntaxException("unknown operator '" + c + "' (did you mean '" + c + c + "'?)", start);
		}
		throw new FormulaSyntaxException("unexpected character '" + c + "'", start);
	}

	private void skipDigits() {
		while (this.pos < this.text.length() && isDigit(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

}
