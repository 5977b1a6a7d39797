package io.parx.common.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as problem details, for errors
 * raised outside Spring MVC's exception handlers (a filter's {@code sendError}), instead
 * of Spring Boot's JSON map or its white-label HTML page.
 */
@Hidden
@RestController
final class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		for (; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.springframework.web.ErrorResponse response) {
				return ResponseEntity.status(response.getStatusCode())
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(response.getBody());
			}
		}
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(status.getReasonPhrase());
		problem.setDetail(status.is5xxServerError() ? "an unexpected error occurred; it has been logged"
				: status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
