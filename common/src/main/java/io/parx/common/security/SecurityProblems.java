package io.parx.common.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.parx.common.problem.ProblemType;
import io.parx.common.web.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of every service as RFC 9457 problem details
 * ({@code /problems/unauthorized}, {@code /problems/forbidden}), keeping the
 * {@code WWW-Authenticate: Bearer ...} challenge of RFC 6750 §3 that Spring's bearer
 * handlers set.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	public static final String UNAUTHORIZED_TYPE = ProblemType.UNAUTHORIZED.path();

	public static final String FORBIDDEN_TYPE = ProblemType.FORBIDDEN.path();

	static final String NO_TOKEN = "this endpoint needs an access token (Authorization: Bearer <token>)";

	static final String BAD_TOKEN = "the access token is invalid or expired; sign in again or refresh it";

	static final String NO_RIGHT = "your role does not allow this operation";

	private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.entryPoint.commence(request, response, ex);
		write(response, unauthorized((request.getHeader("Authorization") != null) ? BAD_TOKEN : NO_TOKEN,
				request.getRequestURI()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.deniedHandler.handle(request, response, ex);
		write(response, forbidden(request.getRequestURI()));
	}

	/** The body of a 401 for a request to {@code path}. */
	public static String unauthorized(String detail, String path) {
		return problem(HttpStatus.UNAUTHORIZED, UNAUTHORIZED_TYPE, detail, path);
	}

	/** The body of a 401 because the request carried no token. */
	public static String noToken(String path) {
		return unauthorized(NO_TOKEN, path);
	}

	/** The body of a 401 because the token is invalid or expired. */
	public static String badToken(String path) {
		return unauthorized(BAD_TOKEN, path);
	}

	/** The body of a 403 for a request to {@code path}. */
	public static String forbidden(String path) {
		return problem(HttpStatus.FORBIDDEN, FORBIDDEN_TYPE, NO_RIGHT, path);
	}

	private static String problem(HttpStatus status, String type, String detail, String path) {
		return ProblemJson.of(status.value(), type, status.getReasonPhrase(), detail, path);
	}

	private static void write(HttpServletResponse response, String body) throws IOException {
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(body);
	}

}
