package io.parx.collector.api;

import java.util.stream.Stream;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.common.security.AccessRules;
import io.parx.common.security.SecurityMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint of the collector against every caller of the shared matrix
 * (docs/SECURITY.md). It once let operators and engineers read the Prometheus metrics,
 * which are for administrators on every service.
 */
class SecurityMatrixTests extends AbstractIntegrationTest {

	@LocalServerPort
	int port;

	@TestFactory
	Stream<DynamicTest> everyCallerGetsExactlyItsRights() {
		return SecurityMatrix.on(this.port, TOKENS)
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/collector/test")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/collector/discovery/mqtt/topics")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/collector/discovery/sparkplug")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/collector/discovery/modbus/registers")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/collector/discovery/opcua/browse")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/collector/discovery/opcua/search")
			// every role passes the door; ChannelWriter checks operatorWritable
			.endpoint(AccessRules.EVERY_ROLE, "POST", "/api/v1/collector/write")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/collector/status")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/collector/opcua/certificates")
			.endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/collector/opcua/certificates/own")
			.endpoint(AccessRules.CONFIGURERS, "POST", "/api/v1/collector/opcua/certificates/{thumbprint}/trust")
			.endpoint(AccessRules.CONFIGURERS, "DELETE", "/api/v1/collector/opcua/certificates/{thumbprint}")
			.tests();
	}

}
