package io.parx.web.problems;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway answers is {@code application/problem+json} (RFC 9457): a
 * service that cannot be reached (503), one that does not answer in time (504), a file
 * that does not exist (404). Never a stack trace or an HTML error page, which the browser
 * app could not show and which would tell an attacker about the internals.
 *
 * <p>
 * Ordered before Spring Boot's handler ({@code -1}), which renders HTML for browsers.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemErrorHandler.class);

	private final ServerResponse.Context context;

	ProblemErrorHandler(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			// Part of the answer is on its way (a service failed mid-body): nothing can
			// be said any more, the connection is cut.
			return Mono.error(error);
		}
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String path = exchange.getRequest().getPath().value();
		GatewayProblem problem = GatewayProblem.of(error, (route != null) ? route.getId() : null);
		log(exchange, problem, error);
		// Headers a service may already have sent belong to the failed answer, not to
		// this one.
		exchange.getResponse().getHeaders().clear();
		return ServerResponse.status(problem.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.cacheControl(CacheControl.noStore())
			.bodyValue(problem.body(path))
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	private static void log(ServerWebExchange exchange, GatewayProblem problem, Throwable error) {
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
		if (problem.isInternal()) {
			logger.error(request + " failed", error);
		}
		else if (problem.status().is5xxServerError()) {
			logger.warn(request + ": " + problem.detail() + " (" + error + ")");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(request + ": " + problem.status().value() + " (" + error + ")");
		}
	}

}
