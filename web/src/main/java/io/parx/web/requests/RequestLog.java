package io.parx.web.requests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One log line per request the gateway answered (issue #21): method, path, status and
 * time taken, with the request's correlation id in the MDC like the services' lines, so a
 * search for the id finds the gateway's line beside theirs.
 *
 * <p>
 * The query string is left out: a WebSocket upgrade may carry its token there. Probes and
 * scrapes ({@code /actuator/**}) log at DEBUG, or a Kubernetes liveness probe every few
 * seconds would bury the users' requests. The logger is {@code io.parx.web.requests}:
 * {@code LOGGING_LEVEL_IO_PARX_WEB_REQUESTS=warn} turns the lines off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestLog implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger("io.parx.web.requests");

	/** The correlation id's header and MDC key, as in common's {@code CorrelationId}. */
	private static final String HEADER = "X-Correlation-Id";

	private static final String MDC_KEY = "correlationId";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		return chain.filter(exchange).doFinally((signal) -> logged(exchange, started));
	}

	private void logged(ServerWebExchange exchange, long started) {
		ServerHttpRequest request = exchange.getRequest();
		boolean probe = request.getPath().value().startsWith("/actuator/");
		if (probe ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		long millis = (System.nanoTime() - started) / 1_000_000;
		// doFinally runs on whichever thread completed the exchange: the MDC is set and
		// cleared around this one line only
		MDC.put(MDC_KEY, request.getHeaders().getFirst(HEADER));
		try {
			String line = "{} {} {} {} ms";
			Object[] args = { request.getMethod(), request.getPath().value(), (status != null) ? status.value() : "-",
					millis };
			if (probe) {
				log.debug(line, args);
			}
			else {
				log.info(line, args);
			}
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
