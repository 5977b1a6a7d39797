package io.parx.common.config;

import java.util.Objects;

/**
 * One rejected field of a settings document: its path as the client wrote it (e.g.
 * {@code settings.port}) and what is wrong with it. The services answer these as the
 * {@code errors} of an RFC 9457 validation problem.
 *
 * @param field the field's path, never {@code null}
 * @param message what is wrong, e.g. {@code must be between 1 and 65535}
 */
public record FieldProblem(String field, String message) {

	public FieldProblem {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}

	@Override
	public String toString() {
		return this.field + " " + this.message;
	}

}
