package io.parx.analytics.system;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the analytics engine refuses, rendered as RFC 9457 problem details with a
 * stable type URI by {@link ProblemHandler}.
 */
public class ApiException extends RuntimeException {

	private final transient ProblemDetail problem;

	public ApiException(HttpStatus status, String type, String title, String detail) {
		super(detail, null, false, false);
		this.problem = ProblemDetail.forStatusAndDetail(status, detail);
		this.problem.setType(URI.create(type));
		this.problem.setTitle(title);
	}

	public ProblemDetail problem() {
		return this.problem;
	}

	/** 400 for one bad field. */
	public static ApiException invalid(String field, String message) {
		ApiException exception = new ApiException(HttpStatus.BAD_REQUEST, "/problems/validation", "Invalid request",
				field + ": " + message);
		exception.problem.setProperty("errors", List.of(new FieldError(field, message)));
		return exception;
	}

	/** 413 with a hint how to ask for less. */
	public static ApiException tooLarge(String detail, String hint) {
		ApiException exception = new ApiException(HttpStatus.CONTENT_TOO_LARGE, "/problems/too-large",
				"Request too large", detail);
		exception.problem.setProperty("hint", hint);
		return exception;
	}

	public static ApiException notFound(String what, long id) {
		return new ApiException(HttpStatus.NOT_FOUND, "/problems/not-found", "Not found",
				what + " " + id + " does not exist");
	}

	@Schema(requiredProperties = { "field", "message" })
	public record FieldError(String field, String message) {
	}

}
