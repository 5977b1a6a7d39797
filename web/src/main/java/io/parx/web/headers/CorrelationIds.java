package io.parx.web.headers;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id before it is routed (issue #21): the browser's own
 * when it sent an acceptable one, a new one otherwise. The service it reaches logs its
 * lines with it and forwards it on its own calls; the answer carries it, so a user can
 * quote it when reporting an error.
 *
 * <p>
 * The header and the accepted form are those of common's {@code CorrelationId}; the
 * gateway, a WebFlux application, does not use common, whose wiring is for the servlet
 * services.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CorrelationIds implements WebFilter {

	static final String HEADER = "X-Correlation-Id";

	/** Short and plain: no line breaks or markup reach the services' log lines. */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (sent != null && ACCEPTED.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		// set when the answer is committed, replacing the echo of the service: once only
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

}
