package io.parx.analytics.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.parx.analytics.system.ApiException.FieldError;
import io.parx.common.formula.FormulaSyntaxException;
import io.parx.common.web.InputProblems;
import io.parx.common.web.TextRules;

/**
 * Every error of the analytics engine as RFC 9457 {@code application/problem+json}: bad
 * input is a 4xx with field messages, never a 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> api(ApiException ex, WebRequest request) {
		return render(ex.problem(), request);
	}

	@ExceptionHandler(FormulaSyntaxException.class)
	ResponseEntity<Object> formula(FormulaSyntaxException ex, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "/problems/formula-syntax", "Formula syntax error",
				ex.getMessage());
		problem.setProperty("position", ex.position());
		problem.setProperty("errors", List.of(new FieldError("formula", ex.message())));
		return render(problem, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
		return render(problem(HttpStatus.FORBIDDEN, "/problems/forbidden", "Forbidden",
				"your role does not allow this operation"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error on {}", request.getDescription(false), ex);
		return render(problem(HttpStatus.INTERNAL_SERVER_ERROR, "/problems/internal", "Internal error",
				"an unexpected error occurred; it has been logged"), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return validation(errors, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors
					.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return validation(errors, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return render(InputProblems.notReadable(ex, URI.create("/problems/malformed-body")), request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return validation(List.of(new FieldError(field,
				"has an invalid value '" + TextRules.prefix(String.valueOf(ex.getValue())) + "'")), request);
	}

	private ResponseEntity<Object> validation(List<FieldError> errors, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "/problems/validation", "Invalid request",
				"the request has invalid fields");
		problem.setProperty("errors", errors);
		return render(problem, request);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		problem.setTitle(title);
		return problem;
	}

	private ResponseEntity<Object> render(ProblemDetail problem, WebRequest request) {
		return handleExceptionInternal(new RuntimeException(problem.getDetail(), null, false, false) {
		}, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
	}

}
