package io.parx.admin.system;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.parx.common.security.Role;
import io.parx.common.web.HostileInputSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every operation of the admin-api's OpenAPI document, every parameter and body field,
 * with hostile values (issue #17): no 5xx, errors as small problem+json, fast.
 */
class HostileInputTests extends AbstractIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void everyOperationAnswersHostileInputWithASmallProblemAndNeverA5xx() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		int requests = HostileInputSuite.against(URI.create("http://localhost:" + this.port), document)
			.header("Authorization", "Bearer " + token(Role.ADMIN))
			// failed sign-ins are throttled per address: these must not slow other tests'
			.header("X-Forwarded-For", freshIp())
			.run();
		assertThat(requests).isGreaterThan(1000);
		System.out.println("admin-api hostile-input requests: " + requests);
	}

}
