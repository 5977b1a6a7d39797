package io.parx.common.formula;

/** One lexical unit of a formula, with its 0-based start offset for error messages. */
record Token(Kind kind, String text, double number, int position) {

	enum Kind {

		NUMBER, IDENT, CHANNEL_NAME, CHANNEL_ID, OPERATOR, LPAREN, RPAREN, COMMA, END

	}

	boolean is(Kind kind, String text) {
		return this.kind == kind && this.text.equals(text);
	}

	boolean isOperator(String text) {
		return is(Kind.OPERATOR, text);
	}

	String describe() {
		return switch (this.kind) {
			case END -> "end of formula";
			case CHANNEL_NAME -> "channel [" + this.text + "]";
			case CHANNEL_ID -> "channel #" + this.text;
			default -> "'" + this.text + "'";
		};
	}

}
