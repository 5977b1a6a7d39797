package io.parx.common.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused request carrying its RFC 9457 problem: every service's {@link ProblemHandler}
 * renders it as it is. Built by {@link Problems}.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(ProblemDetail problem) {
		this(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
	}

	public ProblemException(HttpStatusCode status, ProblemDetail problem, Throwable cause) {
		super(status, problem, cause);
	}

	/** The problem this answers with. */
	public ProblemDetail problem() {
		return getBody();
	}

}
