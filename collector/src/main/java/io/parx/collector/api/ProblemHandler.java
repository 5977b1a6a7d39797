package io.parx.collector.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.web.InputProblems;
import io.parx.common.web.TextRules;

/**
 * RFC 9457 problem details for every error of the collector's API, with stable type URIs
 * and field-level messages for validation.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	static final URI VALIDATION = URI.create("/problems/validation");

	static final URI MALFORMED = URI.create("/problems/malformed-request");

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = validation("The request is invalid.");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = InputProblems.notReadable(ex, MALFORMED);
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler(InvalidChannelException.class)
	ResponseEntity<ProblemDetail> invalidChannel(InvalidChannelException ex) {
		// the parsers quote what they refuse; an error body never grows with the input
		String message = String.valueOf(ex.getMessage());
		message = (message.length() > 300) ? message.substring(0, 300) + "…" : message;
		ProblemDetail problem = validation(message);
		problem.setProperty("errors", List.of(Map.of("field", "channel", "message", message)));
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Settings that break the channel contract: every bad field named, as the admin-api
	 * does.
	 */
	@ExceptionHandler(InvalidSettingsException.class)
	ResponseEntity<ProblemDetail> invalidSettings(InvalidSettingsException ex) {
		ProblemDetail problem = validation("the channel's settings break the contract");
		problem.setProperty("errors",
				ex.problems()
					.stream()
					.limit(50)
					.map((p) -> Map.of("field", "channel.settings." + TextRules.prefix(p.field()), "message",
							TextRules.prefix(p.message())))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail validation(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(VALIDATION);
		problem.setTitle("Validation failed");
		return problem;
	}

}
