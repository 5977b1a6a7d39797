package io.parx.web.headers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.parx.web.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers are on every answer, whoever made it: the app, a service's answer
 * passed on, an error of the gateway. One answer without them is enough for a page to be
 * framed or a script to be injected.
 */
class SecurityHeadersTests extends GatewayIntegrationTest {

	@Test
	void theAppCarriesTheSecurityHeaders() {
		assertSecure(gateway().get().uri("/").header("Accept", "text/html").exchange().expectStatus().isOk());
		assertSecure(gateway().get().uri("/dashboards/12").header("Accept", "text/html").exchange());
	}

	@Test
	void aServicesAnswerCarriesThemOnceEvenWhenTheServiceSentItsOwn() {
		// The upstream sends X-Frame-Options SAMEORIGIN and X-Content-Type-Options
		// itself, as the services' Spring Security does.
		assertSecure(gateway().get().uri("/api/v1/channels").exchange().expectStatus().isOk());
	}

	@Test
	void errorsCarryThem() {
		assertSecure(gateway().get().uri("/assets/missing.js").exchange().expectStatus().isNotFound());
		assertSecure(gateway().get().uri("/api/v1/analytics/hang").exchange().expectStatus().isEqualTo(504));
	}

	@Test
	void thePolicyRunsNoInlineScriptAndForbidsFraming() {
		// CSP Level 3: without 'unsafe-inline' in script-src an injected <script> or
		// onclick= attribute does not run; frame-ancestors 'none' stops clickjacking.
		Map<String, String> policy = Arrays.stream(SecurityHeaders.CONTENT_SECURITY_POLICY.split(";"))
			.map(String::strip)
			.collect(Collectors.toMap((directive) -> directive.split(" ", 2)[0],
					(directive) -> directive.split(" ", 2)[1]));
		assertThat(policy).containsEntry("script-src", "'self'")
			.containsEntry("default-src", "'self'")
			.containsEntry("object-src", "'none'")
			.containsEntry("frame-ancestors", "'none'");
	}

	private static void assertSecure(WebTestClient.ResponseSpec response) {
		response.expectHeader()
			.values("Content-Security-Policy", only(SecurityHeaders.CONTENT_SECURITY_POLICY))
			.expectHeader()
			.values("X-Content-Type-Options", only("nosniff"))
			.expectHeader()
			.values("X-Frame-Options", only("DENY"))
			.expectHeader()
			.values("Referrer-Policy", only("no-referrer"));
	}

	private static Consumer<List<String>> only(String value) {
		return (values) -> assertThat(values).containsExactly(value);
	}

}
