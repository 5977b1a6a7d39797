package io.parx.admin.auth;

import java.util.Locale;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;
import io.parx.common.security.SecurityMatrix;
import io.parx.common.security.TestTokens;

import static io.parx.common.security.AccessRules.ADMINS;
import static io.parx.common.security.AccessRules.CONFIGURERS;
import static io.parx.common.security.AccessRules.EVERY_ROLE;

/**
 * Every endpoint of the admin-api against every caller of the shared matrix
 * (docs/SECURITY.md, "Role matrix of the admin-api"), with tokens signed by the
 * admin-api's own key. Allowed means "not 401/403 and no 5xx": the deliberately empty
 * requests may get 400 or 404.
 */
class SecurityMatrixTests extends AbstractIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SigningKey signingKey;

	@TestFactory
	Stream<DynamicTest> everyCallerGetsExactlyItsRights() throws Exception {
		ECKey key = new ECKey.Builder(this.signingKey.publicJwk()).privateKey(this.signingKey.privateKey()).build();
		SecurityMatrix matrix = SecurityMatrix.on(this.port, TestTokens.forKey(key));
		// real accounts: /auth/me answers 401 for a token whose account does not exist
		for (Role role : Role.values()) {
			TestUser user = createUser("matrix-" + role.name().toLowerCase(Locale.ROOT), "long-enough-1", role);
			matrix.user(role, user.username(), user.id());
		}
		return matrix.open("POST", "/api/v1/auth/login")
			.open("POST", "/api/v1/auth/refresh")
			.open("POST", "/api/v1/auth/logout")
			.open("GET", "/.well-known/jwks.json")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/auth/me")
			.endpoint(ADMINS, "GET", "/api/v1/users")
			.endpoint(ADMINS, "POST", "/api/v1/users")
			.endpoint(ADMINS, "GET", "/api/v1/users/{id}")
			.endpoint(ADMINS, "PUT", "/api/v1/users/{id}")
			.endpoint(ADMINS, "DELETE", "/api/v1/users/{id}")
			// the caller's own account
			.endpoint(EVERY_ROLE, "PUT", "/api/v1/users/{id}/password", "/api/v1/users/{self}/password")
			.endpoint(ADMINS, "GET", "/api/v1/audit")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/io/channels")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/channels")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/io/channels/{id}")
			.endpoint(CONFIGURERS, "PUT", "/api/v1/io/channels/{id}")
			.endpoint(CONFIGURERS, "DELETE", "/api/v1/io/channels/{id}")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/channels/{id}/test")
			// every role passes the door; ChannelWriter lets OPERATOR write
			// operatorWritable channels only
			.endpoint(EVERY_ROLE, "POST", "/api/v1/io/channels/{id}/write")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/channels/import")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/discovery/opcua/browse")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/discovery/opcua/search")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/discovery/channels")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/discovery/mqtt/topics")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/discovery/sparkplug")
			.endpoint(CONFIGURERS, "POST", "/api/v1/io/discovery/modbus/registers")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/io/channels/export")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/storage/rules")
			.endpoint(CONFIGURERS, "POST", "/api/v1/storage/rules")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/storage/rules/{id}")
			.endpoint(CONFIGURERS, "PUT", "/api/v1/storage/rules/{id}")
			.endpoint(CONFIGURERS, "DELETE", "/api/v1/storage/rules/{id}")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/storage/batch-definitions")
			.endpoint(CONFIGURERS, "POST", "/api/v1/storage/batch-definitions")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/storage/batch-definitions/{id}")
			.endpoint(CONFIGURERS, "PUT", "/api/v1/storage/batch-definitions/{id}")
			.endpoint(CONFIGURERS, "DELETE", "/api/v1/storage/batch-definitions/{id}")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/alarms/definitions")
			.endpoint(CONFIGURERS, "POST", "/api/v1/alarms/definitions")
			.endpoint(CONFIGURERS, "POST", "/api/v1/alarms/definitions/bulk")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/alarms/definitions/{id}")
			.endpoint(CONFIGURERS, "PUT", "/api/v1/alarms/definitions/{id}")
			.endpoint(CONFIGURERS, "DELETE", "/api/v1/alarms/definitions/{id}")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/alarms/webhooks")
			.endpoint(CONFIGURERS, "POST", "/api/v1/alarms/webhooks")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/alarms/webhooks/{id}")
			.endpoint(CONFIGURERS, "PUT", "/api/v1/alarms/webhooks/{id}")
			.endpoint(CONFIGURERS, "DELETE", "/api/v1/alarms/webhooks/{id}")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/dashboards")
			.endpoint(CONFIGURERS, "POST", "/api/v1/dashboards")
			.endpoint(EVERY_ROLE, "GET", "/api/v1/dashboards/{id}")
			.endpoint(CONFIGURERS, "PUT", "/api/v1/dashboards/{id}")
			.endpoint(CONFIGURERS, "DELETE", "/api/v1/dashboards/{id}")
			.endpoint(EVERY_ROLE, "POST", "/api/v1/dashboards/{id}/export")
			.endpoint(CONFIGURERS, "POST", "/api/v1/dashboards/import")
			.tests();
	}

}
