package io.parx.common.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import io.parx.common.problem.ProblemType;

/**
 * A request body over {@code parx.input.max-request-size}: 413 (RFC 9110 §15.5.14),
 * thrown while the body is read when it came without a {@code Content-Length} (chunked).
 */
public class RequestTooLargeException extends ErrorResponseException {

	/** The problem type of a refused request size. */
	public static final URI TOO_LARGE = ProblemType.TOO_LARGE.uri();

	public RequestTooLargeException(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, problem(limit), null);
	}

	public static ProblemDetail problem(DataSize limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"the request body is larger than " + limit.toBytes() + " bytes");
		problem.setType(TOO_LARGE);
		problem.setTitle(ProblemType.TOO_LARGE.title());
		problem.setProperty("limitBytes", limit.toBytes());
		return problem;
	}

}
