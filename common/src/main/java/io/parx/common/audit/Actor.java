package io.parx.common.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.parx.common.security.ParxJwt;

/**
 * Who did something and from where.
 *
 * @param username the user name, or {@code null} when nobody is signed in
 * @param userId the user id, or {@code null}
 * @param clientIp the client address as the servlet container sees it (from
 * {@code X-Forwarded-For} when a trusted proxy, {@code PARX_TRUSTED_PROXIES}, forwarded
 * the request), or {@code null} outside a request
 */
public record Actor(String username, Long userId, String clientIp) {

	/**
	 * The signed-in user of the current request (from its access token) and its address.
	 */
	public static Actor current() {
		String username = null;
		Long userId = null;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			username = jwt.getSubject();
			Object uid = jwt.getClaim(ParxJwt.UID_CLAIM);
			userId = (uid instanceof Number number) ? number.longValue() : null;
		}
		return new Actor(username, userId, currentClientIp());
	}

	/** A given user acting in the current request (sign-in, before any token exists). */
	public static Actor of(String username, Long userId) {
		return new Actor(username, userId, currentClientIp());
	}

	/** The client address of the current request, or {@code null} outside a request. */
	public static String currentClientIp() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
