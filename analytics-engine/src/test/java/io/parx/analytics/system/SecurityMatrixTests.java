package io.parx.analytics.system;

import java.util.stream.Stream;

import io.parx.analytics.AbstractIntegrationTest;
import io.parx.common.security.AccessRules;
import io.parx.common.security.SecurityMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the analytics engine against every caller of the shared matrix
 * (docs/SECURITY.md). It once let operators and engineers read the Prometheus metrics,
 * which are for administrators on every service.
 */
class SecurityMatrixTests extends AbstractIntegrationTest {

	@TestFactory
	Stream<DynamicTest> everyCallerGetsExactlyItsRights() {
		return SecurityMatrix.on(this.port, TOKENS)
			.endpoint(AccessRules.EVERY_ROLE, "POST", "/api/v1/analytics/query")
			.endpoint(AccessRules.EVERY_ROLE, "POST", "/api/v1/analytics/chart")
			.endpoint(AccessRules.EVERY_ROLE, "POST", "/api/v1/analytics/export")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/export/alarm-journal")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/derived/signals")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/analytics/derived/signals")
			.endpoint(AccessRules.EVERY_ROLE, "POST", "/api/v1/analytics/derived/evaluate")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/derived/signals/{id}")
			.endpoint(AccessRules.CONFIGURERS, "DELETE", "/api/v1/analytics/derived/signals/{id}")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/channels/{id}/stats")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/channels/{id}/latest")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/batches")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/batches/{id}")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/analytics/batches/{id}/data")
			.tests();
	}

}
