package io.parx.storage.system;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.web.StandardProblemHandler;

/**
 * RFC 9457 problem details for every error of this service's API: the common cases as
 * every service ({@link StandardProblemHandler}), and an argument the API refuses.
 */
@RestControllerAdvice
class ProblemHandler extends StandardProblemHandler {

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> badRequest(IllegalArgumentException ex, WebRequest request) {
		return render(Problems.detail(ProblemType.BAD_REQUEST, ex.getMessage()), request);
	}

}
