package io.parx.analytics.system;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.parx.common.formula.FormulaSyntaxException;
import io.parx.common.problem.Problems;
import io.parx.common.web.StandardProblemHandler;

/**
 * Every error of the analytics engine as RFC 9457 {@code application/problem+json}: bad
 * input is a 4xx with field messages, never a 500. The common cases are
 * {@link StandardProblemHandler}'s; a formula's syntax error is the engine's own.
 */
@RestControllerAdvice
class ProblemHandler extends StandardProblemHandler {

	@ExceptionHandler(FormulaSyntaxException.class)
	ResponseEntity<Object> formula(FormulaSyntaxException ex, WebRequest request) {
		return render(Problems.formulaSyntax("formula", ex.getMessage(), ex.message(), ex.position()).problem(),
				request);
	}

}
