package io.parx.analytics.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters as RFC 9457 problem details, keeping the
 * {@code WWW-Authenticate: Bearer} challenge of RFC 6750 §3.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.entryPoint.commence(request, response, ex);
		write(response, "/problems/unauthorized", "Unauthorized", "a valid access token is required");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.deniedHandler.handle(request, response, ex);
		write(response, "/problems/forbidden", "Forbidden", "your role does not allow this operation");
	}

	private static void write(HttpServletResponse response, String type, String title, String detail)
			throws IOException {
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + response.getStatus()
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
