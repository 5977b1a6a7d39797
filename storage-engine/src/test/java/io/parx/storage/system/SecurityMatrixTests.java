package io.parx.storage.system;

import java.util.stream.Stream;

import io.parx.common.security.AccessRules;
import io.parx.common.security.SecurityMatrix;
import io.parx.storage.AbstractIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint of the storage engine against every caller of the shared matrix
 * (docs/SECURITY.md). It once answered a signed token without a role with 200, let
 * operators read the Prometheus metrics and sent 401/403 with empty bodies.
 */
class SecurityMatrixTests extends AbstractIntegrationTest {

	@LocalServerPort
	int port;

	@TestFactory
	Stream<DynamicTest> everyCallerGetsExactlyItsRights() {
		return SecurityMatrix.on(this.port, tokens())
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/storage/status")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/alarms/active")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/alarms/journal")
			.endpoint(AccessRules.EVERY_ROLE, "POST", "/api/v1/alarms/{definitionId}/acknowledge")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/alarms/{definitionId}/shelve")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/alarms/webhooks/{id}/deliveries")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/alarms/webhooks/{id}/test")
			.tests();
	}

}
