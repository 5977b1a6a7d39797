package io.parx.router;

import java.util.stream.Stream;

import io.parx.common.security.AccessRules;
import io.parx.common.security.SecurityMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the router against every caller of the shared matrix
 * (docs/SECURITY.md). The WebSocket handshake takes its token from the query here (a
 * plain GET, answered 400 once the token is accepted); its refusals, like every other 401
 * and 403 of the router, were once empty instead of problem+json.
 */
class SecurityMatrixTests extends AbstractIntegrationTest {

	@TestFactory
	Stream<DynamicTest> everyCallerGetsExactlyItsRights() {
		return SecurityMatrix.on(this.port, TOKENS)
			.endpointWithQueryToken(AccessRules.EVERY_ROLE, "GET", "/ws")
			.open("GET", "/parx-live.js")
			.tests();
	}

}
