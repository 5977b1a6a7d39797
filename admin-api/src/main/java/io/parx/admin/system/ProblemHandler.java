package io.parx.admin.system;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.web.StandardProblemHandler;

/**
 * Renders every error of the admin-api as RFC 9457 {@code application/problem+json}, so
 * that bad input is always a 4xx with field-level messages and never a 500: the common
 * cases as every service ({@link StandardProblemHandler}), plus the database's version
 * and integrity conflicts.
 */
@RestControllerAdvice
public class ProblemHandler extends StandardProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<Problems.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new Problems.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return render(Problems.validation(errors).problem(), request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> optimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
		return render(Problems.detail(ProblemType.VERSION_CONFLICT,
				"the entity was changed by someone else; reload it and apply your change again"), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex, WebRequest request) {
		log.debug("Integrity violation", ex);
		return render(Problems.detail(ProblemType.CONFLICT,
				"the change conflicts with existing data (for example a name already in use)"), request);
	}

}
