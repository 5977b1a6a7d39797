package io.parx.common.web;

/**
 * What text ParX accepts from a client, in a body field, a query parameter or a path: no
 * control characters but tab, line feed and carriage return. A NUL cannot be stored by
 * PostgreSQL at all ("invalid byte sequence for encoding UTF8: 0x00") and the other C0
 * controls and DEL only ever arrive by mistake or on purpose; refusing them at the edge
 * keeps them out of the databases, logs and browsers behind it.
 */
public final class TextRules {

	/** How much of a refused value an error message may quote. */
	public static final int ECHO_LIMIT = 40;

	private TextRules() {
	}

	/** Whether a character is refused: C0 controls but tab, LF and CR, and DEL. */
	public static boolean isForbidden(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
	}

	/** The index of the first refused character, or -1 when the text is acceptable. */
	public static int forbiddenAt(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (isForbidden(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Why a text is refused, for a field error ("contains the control character U+0000 at
	 * position 1"), or {@code null} when it is acceptable.
	 */
	public static String violation(CharSequence text) {
		int at = forbiddenAt(text);
		if (at < 0) {
			return null;
		}
		return String.format("contains the control character U+%04X at position %d", (int) text.charAt(at), at);
	}

	/**
	 * A short, printable prefix of client input for an error message: at most
	 * {@value #ECHO_LIMIT} characters, control characters escaped, with the full length
	 * when cut, so an error body never grows with the input.
	 */
	public static String prefix(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder();
		int end = Math.min(text.length(), ECHO_LIMIT);
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				out.append(String.format("\\u%04X", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > ECHO_LIMIT) {
			out.append("… (").append(text.length()).append(" characters)");
		}
		return out.toString();
	}

	/**
	 * Checks every text of a value read from a client (a record, JSON tree, map, list or
	 * string), as request bodies are checked.
	 * @throws InvalidInputException naming the JSON path of the first refused text
	 */
	public static void requireAcceptable(Object value) {
		TextBodyAdvice.check(value, "", 0);
	}

}
