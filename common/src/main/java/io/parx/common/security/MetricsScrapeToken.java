package io.parx.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The static bearer token Prometheus scrapes {@code /actuator/prometheus} with
 * ({@link SecuritySettings#metricsToken()}), so that no person's expiring token has to be
 * put into a scrape configuration. It opens that one path and nothing else; compared in
 * constant time.
 */
final class MetricsScrapeToken {

	/** The one path the token opens. */
	static final String PATH = "/actuator/prometheus";

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	/**
	 * @param token the token, or {@code null}: none is configured
	 */
	MetricsScrapeToken(String token) {
		this.token = (token != null) ? token.strip().getBytes(StandardCharsets.UTF_8) : null;
	}

	/** Whether the request is a scrape of {@link #PATH} with the configured token. */
	boolean matches(HttpServletRequest request) {
		if (this.token == null || !PATH.equals(request.getRequestURI())) {
			return false;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		byte[] sent = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(sent, this.token);
	}

	/**
	 * The resource server's token resolver, which skips the scrape token: it is no JWT
	 * and would otherwise be refused before the path's rule is asked.
	 */
	BearerTokenResolver resolver() {
		DefaultBearerTokenResolver jwts = new DefaultBearerTokenResolver();
		return (request) -> matches(request) ? null : jwts.resolve(request);
	}

}
