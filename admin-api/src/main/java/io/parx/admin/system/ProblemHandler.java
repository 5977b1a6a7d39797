package io.parx.admin.system;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.web.InputProblems;
import io.parx.common.web.TextRules;

/**
 * Renders every error of the admin-api as RFC 9457 {@code application/problem+json}, so
 * that bad input is always a 4xx with field-level messages and never a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new Problems.FieldError(error.getField(), error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new Problems.FieldError(error.getObjectName(), error.getDefaultMessage())));
		return render(Problems.validation(errors).getBody(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(new Problems.FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage()))));
		return render(Problems.validation(errors).getBody(), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return render(InputProblems.notReadable(ex, Problems.MALFORMED_BODY), request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return render(Problems
			.validation(field, "has an invalid value '" + TextRules.prefix(String.valueOf(ex.getValue())) + "'")
			.getBody(), request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<Problems.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new Problems.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return render(Problems.validation(errors).getBody(), request);
	}

	/** A settings document read with the common contract types, its bad fields named. */
	@ExceptionHandler(InvalidSettingsException.class)
	ResponseEntity<Object> invalidSettings(InvalidSettingsException ex, WebRequest request) {
		List<Problems.FieldError> errors = ex.problems()
			.stream()
			.map((problem) -> new Problems.FieldError(problem.field(), problem.message()))
			.toList();
		return render(Problems.validation(errors).getBody(), request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> optimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
		return render(Problems.detail(HttpStatus.CONFLICT, Problems.VERSION_CONFLICT, "Version conflict",
				"the entity was changed by someone else; reload it and apply your change again"), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex, WebRequest request) {
		log.debug("Integrity violation", ex);
		return render(Problems.detail(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
				"the change conflicts with existing data (for example a name already in use)"), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
		return render(Problems.detail(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
				"your role does not allow this operation"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error on {}", request.getDescription(false), ex);
		return render(Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
				"an unexpected error occurred; it has been logged"), request);
	}

	private ResponseEntity<Object> render(ProblemDetail problem, WebRequest request) {
		return handleExceptionInternal(new ProblemException(problem), problem, new HttpHeaders(),
				HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	/** Carrier for {@link #handleExceptionInternal}; never thrown. */
	private static final class ProblemException extends RuntimeException {

		ProblemException(ProblemDetail problem) {
			super(problem.getDetail(), null, false, false);
		}

	}

}
