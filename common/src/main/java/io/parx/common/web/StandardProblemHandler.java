package io.parx.common.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.problem.ProblemException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.problem.Problems.FieldError;

/**
 * The errors every ParX service answers alike, as RFC 9457 problem details: bean
 * validation and a settings document breaking its contract ({@code /problems/validation}
 * with {@code errors: [{field, message}]}), a body that cannot be read
 * ({@code /problems/malformed-body}), a parameter of the wrong type, a role that does not
 * allow the operation, every {@link org.springframework.web.ErrorResponse} as it is
 * ({@link ProblemException}, {@code AuditUnavailableException}, a body over the size
 * limit) and anything unexpected as a 500 that says nothing of its cause. A service
 * subclasses it as its {@code @RestControllerAdvice} {@code ProblemHandler} and adds its
 * own cases.
 */
public abstract class StandardProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(StandardProblemHandler.class);

	/** The type of a body that cannot be read; the collector keeps its older name. */
	protected ProblemType malformedBodyType() {
		return ProblemType.MALFORMED_BODY;
	}

	/** The fields a settings document is refused for, as the client names them. */
	protected List<FieldError> settingsErrors(InvalidSettingsException ex) {
		return ex.problems().stream().map((problem) -> new FieldError(problem.field(), problem.message())).toList();
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
		return render(Problems.validation(errors).problem(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors
					.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return render(Problems.validation(errors).problem(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return render(InputProblems.notReadable(ex, malformedBodyType().uri()), request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return render(Problems
			.validation(field, "has an invalid value '" + TextRules.prefix(String.valueOf(ex.getValue())) + "'")
			.problem(), request);
	}

	/** A settings document read with the common contract types, its bad fields named. */
	@ExceptionHandler(InvalidSettingsException.class)
	ResponseEntity<Object> invalidSettings(InvalidSettingsException ex, WebRequest request) {
		return render(Problems.validation(settingsErrors(ex)).problem(), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
		return render(Problems.detail(ProblemType.FORBIDDEN, "your role does not allow this operation"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error on {}", request.getDescription(false), ex);
		return render(Problems.internal(), request);
	}

	/** The response for a problem, through Spring's own rendering (headers, instance). */
	protected final ResponseEntity<Object> render(ProblemDetail problem, WebRequest request) {
		return handleExceptionInternal(new ProblemException(problem), problem, new HttpHeaders(),
				HttpStatusCode.valueOf(problem.getStatus()), request);
	}

}
