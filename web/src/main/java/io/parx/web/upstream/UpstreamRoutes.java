package io.parx.web.upstream;

import io.netty.channel.ChannelOption;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.socket.server.WebSocketService;

/**
 * Which service answers which path. Paths are the same on the gateway and on the services
 * (nothing is rewritten), and requests pass untouched, the {@code Authorization} header
 * and the WebSocket subprotocols with the token included: the services authenticate, the
 * gateway does not.
 *
 * <p>
 * The route id is the service's name; error answers use it to say which service cannot be
 * reached.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamRoutes {

	/**
	 * After the specific routes: the admin-api takes every other {@code /api/v1} path.
	 */
	private static final int CATCH_ALL = 1;

	@Bean
	RouteLocator routes(RouteLocatorBuilder routes, UpstreamSettings upstreams) {
		long responseTimeout = upstreams.responseTimeout().toMillis();
		return routes.routes()
			.route("analytics-engine",
					(route) -> route.path("/api/v1/analytics/**")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, responseTimeout)
						.uri(upstreams.analyticsEngine()))
			.route("collector",
					(route) -> route.path("/api/v1/collector/**")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, responseTimeout)
						.uri(upstreams.collector()))
			// The storage engine serves its status and the alarms it evaluates (active,
			// journal, acknowledge, shelve) and the webhook deliveries it makes; the
			// admin-api owns the rest of /api/v1/storage (rules, batch definitions), the
			// alarm definitions and the webhooks themselves.
			.route("storage-engine",
					(route) -> route
						.path("/api/v1/storage/status", "/api/v1/alarms/active", "/api/v1/alarms/journal",
								"/api/v1/alarms/*/acknowledge", "/api/v1/alarms/*/shelve",
								"/api/v1/alarms/webhooks/*/deliveries", "/api/v1/alarms/webhooks/*/test")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, responseTimeout)
						.uri(upstreams.storageEngine()))
			// An upgrade turns http:// into ws:// (WebsocketRoutingFilter).
			.route("data-router", (route) -> route.path("/ws").uri(upstreams.dataRouter()))
			// Unknown /api/v1 paths go here too: the admin-api answers them with its 404
			// problem, not the browser app with index.html.
			.route("admin-api",
					(route) -> route.order(CATCH_ALL)
						.path("/api/v1/**", "/.well-known/jwks.json")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, responseTimeout)
						.uri(upstreams.adminApi()))
			.build();
	}

	/**
	 * The connect timeout for HTTP and WebSocket alike (route metadata would reach only
	 * the HTTP routes): without it a service on an unreachable host holds the browser for
	 * Netty's 30 s default.
	 */
	@Bean
	HttpClientCustomizer upstreamConnectTimeout(UpstreamSettings upstreams) {
		int millis = Math.toIntExact(upstreams.connectTimeout().toMillis());
		return (client) -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
	}

	/**
	 * Wraps the gateway's WebSocketService (defined by Spring Cloud Gateway without a way
	 * to replace it) so a refused handshake at the data-router reaches the browser as a
	 * close code.
	 */
	@Bean
	static BeanPostProcessor refusedHandshakesAsCloseCodes() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof WebSocketService service && !(bean instanceof RefusedHandshakes))
						? new RefusedHandshakes(service) : bean;
			}

		};
	}

}
