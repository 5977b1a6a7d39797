package io.parx.common.web;

import java.net.URI;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;

/**
 * Problem details for a request body that could not be read, naming the field that broke
 * it (its JSON path) without quoting more of the input than {@link TextRules#prefix}: an
 * unknown property, a value of the wrong type, an unknown enum constant, JSON that does
 * not parse, or a body over the size limit (413).
 */
public final class InputProblems {

	private InputProblems() {
	}

	/**
	 * @param ex what Spring MVC threw
	 * @param type the service's problem type for unreadable bodies, e.g.
	 * {@code /problems/malformed-body}
	 */
	public static ProblemDetail notReadable(HttpMessageNotReadableException ex, URI type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ErrorResponse response) {
				return response.getBody();
			}
		}
		JacksonException jackson = find(ex, JacksonException.class);
		String field = "body";
		String message = "is missing or is not valid JSON of the expected shape";
		if (jackson != null) {
			String path = path(jackson);
			if (!path.isEmpty()) {
				field = TextRules.prefix(path);
			}
			if (jackson instanceof UnrecognizedPropertyException) {
				message = "is not a known field";
			}
			else if (jackson instanceof InvalidFormatException format && format.getTargetType() != null
					&& format.getTargetType().isEnum()) {
				message = "is not one of " + List.of(format.getTargetType().getEnumConstants());
			}
			else if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
				message = "is not a valid " + typeName(mismatch.getTargetType());
			}
			else if (jackson instanceof StreamReadException) {
				message = "is not valid JSON";
			}
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
		problem.setType(type);
		problem.setTitle("Malformed request body");
		problem.setProperty("errors", List.of(InvalidInputException.fieldError(field, message)));
		return problem;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String typeName(Class<?> type) {
		if (type == String.class || type == Character.class || type == char.class) {
			return "string";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "number in range";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
			return "array";
		}
		if (type.isEnum()) {
			return "value: one of " + List.of(type.getEnumConstants());
		}
		if (type.getPackageName().startsWith("java.time")) {
			return type.getSimpleName() + " (ISO 8601)";
		}
		return "object";
	}

	private static <T> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
