package io.parx.admin.system;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.parx.common.openapi.OpenApiSnapshot;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin-api's OpenAPI document is what the browser app generates its REST types from
 * (web/frontend/openapi/admin-api.json): a change of the API must show up there, in the
 * same commit.
 */
class OpenApiDocumentTests extends AbstractIntegrationTest {

	static final Path SNAPSHOT = Path.of("../web/frontend/openapi/admin-api.json");

	@Test
	void servedDocumentIsTheWebAppSnapshot() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		OpenApiSnapshot.check(document, SNAPSHOT, "admin-api");
	}

	@Test
	void swaggerUiIsServedWithoutAToken() throws Exception {
		this.mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("swagger-ui")));
		this.mvc.perform(get("/v3/api-docs/swagger-config"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.url").value("/v3/api-docs"));
	}

}
