package io.parx.common.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.parx.common.problem.ProblemType;

/**
 * One refused input field as RFC 9457 problem details ({@code /problems/validation}, the
 * field in {@code errors}). Every service's {@code ResponseEntityExceptionHandler}
 * renders it as it is.
 */
public class InvalidInputException extends ErrorResponseException {

	/** The problem type of refused input, the same on every service. */
	public static final URI VALIDATION = ProblemType.VALIDATION.uri();

	public InvalidInputException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, problem(field, message), null);
	}

	/**
	 * The problem for one refused field, e.g. {@code name},
	 * {@code widgets[2].options.text}.
	 */
	public static ProblemDetail problem(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
		problem.setType(VALIDATION);
		problem.setTitle(ProblemType.VALIDATION.title());
		problem.setProperty("errors", List.of(fieldError(field, message)));
		return problem;
	}

	static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

}
