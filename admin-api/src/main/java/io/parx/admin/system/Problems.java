package io.parx.admin.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems shared by every feature of the admin-api, with stable
 * {@code type} URIs. Throw what these methods return.
 */
public final class Problems {

	public static final URI VALIDATION = URI.create("/problems/validation");

	public static final URI MALFORMED_BODY = URI.create("/problems/malformed-body");

	public static final URI NOT_FOUND = URI.create("/problems/not-found");

	public static final URI VERSION_CONFLICT = URI.create("/problems/version-conflict");

	public static final URI CONFLICT = URI.create("/problems/conflict");

	public static final URI UNAUTHORIZED = URI.create("/problems/unauthorized");

	public static final URI FORBIDDEN = URI.create("/problems/forbidden");

	public static final URI TOO_MANY_REQUESTS = URI.create("/problems/too-many-requests");

	public static final URI INTERNAL = URI.create("/problems/internal");

	private Problems() {
	}

	/**
	 * One invalid input field; {@code field} is a JSON path like {@code settings.port}.
	 */
	@Schema(requiredProperties = { "field", "message" })
	public record FieldError(String field, String message) {
	}

	public static ProblemDetail detail(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	public static ErrorResponseException validation(List<FieldError> errors) {
		ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid input",
				(errors.size() == 1) ? "1 field is invalid" : errors.size() + " fields are invalid");
		problem.setProperty("errors", errors);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	public static ErrorResponseException validation(String field, String message) {
		return validation(List.of(new FieldError(field, message)));
	}

	public static ErrorResponseException notFound(String entity, Object id) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				detail(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", entity + " " + id + " does not exist"), null);
	}

	public static ErrorResponseException conflict(String detail) {
		return new ErrorResponseException(HttpStatus.CONFLICT,
				detail(HttpStatus.CONFLICT, CONFLICT, "Conflict", detail), null);
	}

	public static ErrorResponseException unauthorized(String detail) {
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED,
				detail(HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized", detail), null);
	}

	public static ErrorResponseException forbidden(String detail) {
		return new ErrorResponseException(HttpStatus.FORBIDDEN,
				detail(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail), null);
	}

	/** 429 with {@code Retry-After} in whole seconds, rounded up (RFC 9110 §10.2.3). */
	public static ErrorResponseException tooManyRequests(String detail, Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		ProblemDetail problem = detail(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, "Too many requests", detail);
		problem.setProperty("retryAfterSeconds", seconds);
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return exception;
	}

}
