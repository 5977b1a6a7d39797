package io.parx.analytics.system;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.parx.analytics.AbstractIntegrationTest;
import io.parx.common.web.HostileInputSuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every operation of the analytics engine's OpenAPI document, every parameter and body
 * field, with hostile values (issue #17): no 5xx, errors as small problem+json, fast.
 */
class HostileInputTests extends AbstractIntegrationTest {

	@Test
	void everyOperationAnswersHostileInputWithASmallProblemAndNeverA5xx() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		int requests = HostileInputSuite.against(URI.create("http://localhost:" + this.port), document)
			.header("Authorization", "Bearer " + token("ADMIN"))
			.run();
		assertThat(requests).isGreaterThan(300);
		System.out.println("analytics-engine hostile-input requests: " + requests);
	}

}
