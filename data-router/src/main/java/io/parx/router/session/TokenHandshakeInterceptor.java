package io.parx.router.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parx.common.security.AccessRules;
import io.parx.common.security.ParxJwt;
import io.parx.common.security.Role;
import io.parx.common.security.SecurityProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authenticates the WebSocket handshake. Browsers cannot set an {@code Authorization}
 * header on a WebSocket, so the access token comes as the {@code access_token} query
 * parameter or as a {@code Sec-WebSocket-Protocol} value {@code bearer.<token>}
 * (docs/CONTRACTS.md, "Security"). A missing, invalid or expired token is refused with
 * 401 before the upgrade (RFC 6750 §3), a token without a ParX role with 403.
 */
final class TokenHandshakeInterceptor implements HandshakeInterceptor {

	static final String USER = "parx.user";

	static final String EXPIRES_AT = "parx.tokenExpiresAt";

	static final String BEARER_PROTOCOL_PREFIX = "bearer.";

	private static final Logger logger = LoggerFactory.getLogger(TokenHandshakeInterceptor.class);

	private final JwtDecoder decoder;

	TokenHandshakeInterceptor(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String token = token(request);
		if (token == null) {
			return refuse(response, HttpStatus.UNAUTHORIZED, "Bearer realm=\"parx\"",
					SecurityProblems.noToken(request.getURI().getPath()));
		}
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			logger.debug("WebSocket handshake refused: {}", ex.getMessage());
			return refuse(response, HttpStatus.UNAUTHORIZED, "Bearer realm=\"parx\", error=\"invalid_token\"",
					SecurityProblems.badToken(request.getURI().getPath()));
		}
		if (!hasRole(jwt) || jwt.getExpiresAt() == null) {
			return refuse(response, HttpStatus.FORBIDDEN, "Bearer realm=\"parx\", error=\"insufficient_scope\"",
					SecurityProblems.forbidden(request.getURI().getPath()));
		}
		attributes.put(USER, jwt.getSubject());
		attributes.put(EXPIRES_AT, jwt.getExpiresAt());
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	/** Every ParX role may read live data (docs/SECURITY.md). */
	static boolean hasRole(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(ParxJwt.ROLES_CLAIM);
		return roles != null && roles.stream()
			.flatMap((role) -> Role.parse(role).stream())
			.anyMatch(AccessRules.EVERY_ROLE::contains);
	}

	static Instant expiresAt(Map<String, Object> attributes) {
		return (Instant) attributes.get(EXPIRES_AT);
	}

	private static String token(ServerHttpRequest request) {
		String query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
		if (query != null && !query.isBlank()) {
			return query;
		}
		for (String header : request.getHeaders().getOrEmpty(WebSocketHttpHeaders.SEC_WEBSOCKET_PROTOCOL)) {
			for (String protocol : header.split(",")) {
				String value = protocol.strip();
				if (value.startsWith(BEARER_PROTOCOL_PREFIX) && value.length() > BEARER_PROTOCOL_PREFIX.length()) {
					return value.substring(BEARER_PROTOCOL_PREFIX.length());
				}
			}
		}
		return null;
	}

	/** Refuses with the same problem+json as every HTTP endpoint (RFC 9457). */
	private static boolean refuse(ServerHttpResponse response, HttpStatus status, String challenge, String problem) {
		response.setStatusCode(status);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		try {
			response.getBody().write(problem.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			logger.debug("Cannot write the refusal: {}", ex.toString());
		}
		return false;
	}

}
