package io.parx.common.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every service, before authentication, so that no one can make a
 * service read a huge body or carry control characters into it: a body over the limit is
 * answered 413, a query parameter or path with a control character 400 naming it (see
 * {@link TextRules}); the body itself is bounded while it is read.
 */
final class RequestGuardFilter extends OncePerRequestFilter {

	private final DataSize limit;

	RequestGuardFilter(DataSize limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("TRACE".equals(request.getMethod())) {
			// no endpoint takes TRACE; answered here, the container's 405 would go
			// through /error
			response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
			write(response, 405, ProblemJson.of(405, "about:blank", "Method Not Allowed", "TRACE is not supported"));
			return;
		}
		if (request.getContentLengthLong() > this.limit.toBytes()) {
			// the client may still be sending; closing keeps us from reading the rest
			response.setHeader("Connection", "close");
			write(response, 413, ProblemJson.of(413, RequestTooLargeException.TOO_LARGE.toString(), "Request too large",
					"the request body is larger than " + this.limit.toBytes() + " bytes"));
			return;
		}
		String refused = refusedParameter(request);
		if (refused != null) {
			write(response, 400, refused);
			return;
		}
		chain.doFilter(new BoundedRequest(request, this.limit), response);
	}

	/** The problem body for the first refused path or query parameter, or null. */
	private static String refusedParameter(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		String violation = TextRules.violation(path);
		if (violation != null) {
			return ProblemJson.invalid("path", violation);
		}
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name;
			String value;
			try {
				name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return ProblemJson.invalid("query", "is not valid percent-encoding (RFC 3986 §2.1)");
			}
			String nameViolation = TextRules.violation(name);
			if (nameViolation != null) {
				return ProblemJson.invalid(TextRules.prefix(name), nameViolation);
			}
			String valueViolation = TextRules.violation(value);
			if (valueViolation != null) {
				return ProblemJson.invalid(TextRules.prefix(name), valueViolation);
			}
		}
		return null;
	}

	private static void write(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType(ProblemJson.MEDIA_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(body);
	}

}
