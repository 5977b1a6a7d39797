package io.parx.web.upstream;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.parx.web.GatewayIntegrationTest;

/**
 * Which service answers which path (docs/ARCHITECTURE.md "Gateway"), and that the request
 * arrives as the browser sent it: the services see the same path and query, method, body
 * and token as if the browser had called them directly.
 */
class RoutingTests extends GatewayIntegrationTest {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "GET, '/api/v1/analytics/series?channelIds=1,2&from=2026-01-01T00:00:00Z', analytics-engine",
			"POST, /api/v1/analytics/exports, analytics-engine",
			"PUT, /api/v1/collector/channels/7/test?name=Furnace%20A&tag=a%2Fb, collector",
			"GET, /api/v1/storage/status, storage-engine",
			// alarms: state and journal in the storage engine, definitions in the
			// admin-api
			"GET, /api/v1/alarms/active, storage-engine",
			"GET, '/api/v1/alarms/journal?from=2026-01-01T00:00:00Z&text=hot', storage-engine",
			"POST, /api/v1/alarms/42/acknowledge, storage-engine", "POST, /api/v1/alarms/42/shelve, storage-engine",
			"GET, /api/v1/alarms/definitions/42, admin-api", "POST, /api/v1/alarms/definitions/bulk, admin-api",
			// webhooks in the admin-api, their deliveries in the storage engine
			"GET, /api/v1/alarms/webhooks, admin-api", "PUT, /api/v1/alarms/webhooks/7, admin-api",
			"GET, '/api/v1/alarms/webhooks/7/deliveries?size=1', storage-engine",
			"POST, /api/v1/alarms/webhooks/7/test, storage-engine",
			// the admin-api owns the rest of /api/v1/storage
			"GET, /api/v1/storage/rules?page=2, admin-api", "PATCH, /api/v1/dashboards/12, admin-api",
			"DELETE, /api/v1/users/5, admin-api", "GET, /.well-known/jwks.json, admin-api",
			// unknown paths too: the admin-api answers them with its 404 problem
			"GET, /api/v1/no-such-thing, admin-api" })
	void eachPathReachesItsServiceWithMethodPathQueryBodyAndTokenIntact(HttpMethod method, String uri, String service) {
		String body = method.equals(HttpMethod.GET) || method.equals(HttpMethod.DELETE) ? ""
				: "{\"name\":\"Furnace A\",\"value\":21.5}";
		WebTestClient.RequestBodySpec request = gateway().method(method)
			.uri(URI.create("http://127.0.0.1:" + this.port + uri))
			.header("Authorization", "Bearer token-of-" + service);
		WebTestClient.RequestHeadersSpec<?> sent = body.isEmpty() ? request
				: request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		sent.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.method")
			.isEqualTo(method.name())
			.jsonPath("$.uri")
			.isEqualTo(uri)
			.jsonPath("$.body")
			.isEqualTo(body)
			.jsonPath("$.headers.authorization")
			.isEqualTo("Bearer token-of-" + service);
	}

	@Test
	void theServicesLearnTheClientAddressAppendedAfterWhatTheClientClaimed() {
		// The services' Tomcat trusts only the gateway's hop and takes the address the
		// gateway appended (the rightmost): a client cannot pass itself off as another
		// address to escape the per-address sign-in throttle.
		gateway().get()
			.uri("/api/v1/auth/me")
			.header("X-Forwarded-For", "203.0.113.9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.x-forwarded-for")
			.isEqualTo("203.0.113.9,127.0.0.1")
			.jsonPath("$.headers.x-forwarded-proto")
			.isEqualTo("http")
			.jsonPath("$.headers.x-forwarded-host")
			.isEqualTo("127.0.0.1:" + this.port);
	}

	@Test
	void aForwardedHeaderFromTheClientIsNotPassedOn() {
		// One convention reaches the services (X-Forwarded-*); a client-made RFC 7239
		// header would be a second, unchecked claim about its address.
		gateway().get()
			.uri("/api/v1/auth/me")
			.header("Forwarded", "for=198.51.100.7")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.forwarded")
			.doesNotExist()
			.jsonPath("$.headers.x-forwarded-for")
			.isEqualTo("127.0.0.1");
	}

}
