package io.parx.common.formula;

/**
 * A formula that cannot be parsed or breaks a {@link FormulaLimits limit}: the message
 * says what is wrong and {@link #position()} where (0-based character offset into the
 * formula text), so an editor can point at it and an API can answer 400 with both.
 */
public class FormulaSyntaxException extends IllegalArgumentException {

	private final int position;

	private final String reason;

	public FormulaSyntaxException(String reason, int position) {
		super(reason + " at position " + position);
		this.reason = reason;
		this.position = position;
	}

	/** The 0-based character offset of the offending token in the formula text. */
	public int position() {
		return this.position;
	}

	/** What is wrong, without the position (for problem details and editors). */
	public String message() {
		return this.reason;
	}

}
