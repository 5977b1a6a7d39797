package io.parx.common.audit;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.parx.common.problem.ProblemType;

/**
 * The audit trail could not be written, so the change it records was undone or rolled
 * back: 503 {@code /problems/audit-unavailable} (RFC 9457), answered by every service's
 * {@code ResponseEntityExceptionHandler}. The client may retry once the config database
 * is back.
 */
public class AuditUnavailableException extends ErrorResponseException {

	/** The problem type. */
	public static final URI TYPE = ProblemType.AUDIT_UNAVAILABLE.uri();

	public AuditUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The change was not made: its audit entry could not be written. Try again later.");
		problem.setType(TYPE);
		problem.setTitle(ProblemType.AUDIT_UNAVAILABLE.title());
		return problem;
	}

}
