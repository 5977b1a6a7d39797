package io.parx.storage.alarms;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems of the alarm endpoints. */
final class AlarmProblems {

	private AlarmProblems() {
	}

	static ErrorResponseException notFound(long definitionId) {
		return problem(HttpStatus.NOT_FOUND, "/problems/not-found", "Not found",
				"No enabled alarm definition " + definitionId);
	}

	static ErrorResponseException conflict(String detail) {
		return problem(HttpStatus.CONFLICT, "/problems/conflict", "Conflict", detail);
	}

	static ErrorResponseException unavailable(String detail) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "/problems/alarms-unavailable", "Alarms unavailable", detail);
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
