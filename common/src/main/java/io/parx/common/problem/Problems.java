package io.parx.common.problem;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems every ParX service answers, from the {@link ProblemType}
 * catalogue. Throw the exceptions these methods return; a service's
 * {@link ProblemHandler} renders them.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * One invalid input field; {@code field} is a JSON path like {@code settings.port} or
	 * a query parameter's name.
	 */
	@Schema(requiredProperties = { "field", "message" })
	public record FieldError(String field, String message) {
	}

	/** The problem of a type with its own status, title and this detail. */
	public static ProblemDetail detail(ProblemType type, String detail) {
		return detail(type.status(), type, detail);
	}

	/** The problem of a type answered with another status (e.g. 504 for a timeout). */
	public static ProblemDetail detail(HttpStatusCode status, ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return problem;
	}

	/** An exception answering a problem of a type with this detail. */
	public static ProblemException of(ProblemType type, String detail) {
		return new ProblemException(detail(type, detail));
	}

	/** 400 {@code /problems/validation} naming every refused field. */
	public static ProblemException validation(List<FieldError> errors) {
		ProblemDetail problem = detail(ProblemType.VALIDATION,
				(errors.size() == 1) ? "1 field is invalid" : errors.size() + " fields are invalid");
		problem.setProperty("errors", errors);
		return new ProblemException(problem);
	}

	/** 400 {@code /problems/validation} naming one refused field. */
	public static ProblemException validation(String field, String message) {
		return validation(List.of(new FieldError(field, message)));
	}

	/**
	 * 404 for an entity (e.g. {@code channel}) that does not exist or may not be seen.
	 */
	public static ProblemException notFound(String entity, Object id) {
		return of(ProblemType.NOT_FOUND, entity + " " + id + " does not exist");
	}

	public static ProblemException conflict(String detail) {
		return of(ProblemType.CONFLICT, detail);
	}

	public static ProblemException unauthorized(String detail) {
		return of(ProblemType.UNAUTHORIZED, detail);
	}

	public static ProblemException forbidden(String detail) {
		return of(ProblemType.FORBIDDEN, detail);
	}

	/** 413 {@code /problems/too-large} with a {@code hint} how to ask for less. */
	public static ProblemException tooLarge(String detail, String hint) {
		ProblemDetail problem = detail(ProblemType.TOO_LARGE, detail);
		problem.setProperty("hint", hint);
		return new ProblemException(problem);
	}

	/**
	 * 400 {@code /problems/formula-syntax} for the formula in {@code field}, with the
	 * 0-based {@code position} of the error.
	 */
	public static ProblemException formulaSyntax(String field, String detail, String message, int position) {
		ProblemDetail problem = detail(ProblemType.FORMULA_SYNTAX, detail);
		problem.setProperty("position", position);
		problem.setProperty("errors", List.of(new FieldError(field, message)));
		return new ProblemException(problem);
	}

	/** 429 with {@code Retry-After} in whole seconds, rounded up (RFC 9110 §10.2.3). */
	public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		ProblemDetail problem = detail(ProblemType.TOO_MANY_REQUESTS, detail);
		problem.setProperty("retryAfterSeconds", seconds);
		ProblemException exception = new ProblemException(problem);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return exception;
	}

	/**
	 * 500 {@code /problems/internal}: the detail says nothing of the cause, which is
	 * logged.
	 */
	public static ProblemDetail internal() {
		return detail(ProblemType.INTERNAL, "an unexpected error occurred; it has been logged");
	}

}
