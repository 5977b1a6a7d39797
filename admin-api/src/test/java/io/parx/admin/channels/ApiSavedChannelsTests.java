package io.parx.admin.channels;

import java.util.Map;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.channel.ApiSavedChannels;
import io.parx.common.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the admin-api stores for a channel of each protocol whose user set only the
 * required settings is the document of {@link ApiSavedChannels}: the collector's tests
 * read that same document and check every default it ends up with (issue #18: the two
 * services read the settings with one contract, defaults included).
 */
class ApiSavedChannelsTests extends AbstractIntegrationTest {

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSettingsStoredForEveryProtocolAreTheSharedContractDocument() throws Exception {
		for (ApiSavedChannels.Entry entry : ApiSavedChannels.all()) {
			Map<String, Object> body = ChannelFixtures.channel("api-saved." + entry.protocol(), entry.dataType().name(),
					entry.protocol().name(), entry.sent());
			long id = create(body);
			String stored = this.jdbc.sql("select settings::text from channel where id = ?")
				.param(id)
				.query(String.class)
				.single();
			assertThat(this.json.readValue(stored, new TypeReference<Map<String, Object>>() {
			})).as(entry.protocol().name()).isEqualTo(ApiSavedChannels.asJson(entry.stored()));
		}
	}

	private long create(Map<String, Object> body) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/api/v1/io/channels").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn();
		return this.json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
	}

}
