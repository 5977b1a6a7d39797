package io.parx.web.headers;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The browser-facing security headers on every answer of the gateway: the app, the
 * services' answers it passes on, and errors.
 *
 * <p>
 * They are set just before the answer is committed and replace what a service sent, so
 * each header appears once, whoever produced the body (the services' Spring Security adds
 * some of them too).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders implements WebFilter {

	/**
	 * Scripts only from the app's own files: no inline scripts, no eval, so an injected
	 * string cannot run (the React app and Vite's build need neither). Inline styles stay
	 * allowed because the grid and chart libraries position elements with style
	 * attributes. {@code connect-src 'self'} covers the REST calls and the WebSocket of
	 * the same origin (CSP Level 3 §6.7.2.8); {@code frame-ancestors 'none'} forbids
	 * framing (clickjacking).
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'",
			"object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			headers.set("X-Content-Type-Options", "nosniff");
			// Browsers that predate frame-ancestors.
			headers.set("X-Frame-Options", "DENY");
			// Page addresses carry dashboard and channel ids; they stay inside the plant.
			headers.set("Referrer-Policy", "no-referrer");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
