package io.parx.admin.rules;

import java.util.List;
import java.util.Map;

import io.parx.admin.channels.ChannelFixtures;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.rule.ApiSavedStorageRules;
import io.parx.common.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.parx.admin.channels.ChannelFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/v1/storage/rules} and {@code /api/v1/storage/batch-definitions}. */
class StorageRuleApiTests extends AbstractIntegrationTest {

	private static int counter;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	private long temp;

	private long pressure;

	private String suffix;

	@BeforeEach
	void channels() throws Exception {
		this.suffix = "." + (++counter);
		this.temp = create("/api/v1/io/channels", ChannelFixtures.simulator("rules.temp" + this.suffix));
		this.pressure = create("/api/v1/io/channels", ChannelFixtures.simulator("rules.pressure" + this.suffix));
	}

	@Test
	void engineerCreatesReadsUpdatesAndDeletesARuleOfEveryMode() throws Exception {
		List<Map<String, Object>> modes = List.of(map("mode", "CONTINUOUS", "settings", map("intervalMs", 1000)),
				map("mode", "CHANGE", "settings",
						map("deadband", 0.5, "deadbandType", "PERCENT", "maxIntervalMs", 60000)),
				map("mode", "EVENT", "settings", map("conditionChannelId", this.pressure, "edge", "BOTH")),
				map("mode", "TRIGGER", "settings",
						map("formula", "[rules.temp" + this.suffix + "] > 80 && #" + this.pressure + " < 2", "store",
								"ON_TRANSITION")));
		for (Map<String, Object> mode : modes) {
			Map<String, Object> rule = rule("rule." + mode.get("mode") + this.suffix);
			rule.putAll(mode);
			long id = create("/api/v1/storage/rules", rule);
			this.mvc.perform(get("/api/v1/storage/rules/" + id).with(as(Role.OPERATOR)))
				.andExpect(status().isOk())
				.andExpect(header().string("ETag", "\"0\""))
				.andExpect(jsonPath("$.mode").value(mode.get("mode")))
				.andExpect(jsonPath("$.channelIds", containsInAnyOrder((int) this.temp, (int) this.pressure)));
			rule.put("retentionDays", 30);
			rule.put("channelIds", List.of(this.temp));
			this.mvc
				.perform(json(put("/api/v1/storage/rules/" + id), rule).header("If-Match", "\"0\"")
					.with(as(Role.ENGINEER)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.retentionDays").value(30))
				.andExpect(jsonPath("$.channelIds.length()").value(1))
				.andExpect(jsonPath("$.version").value(1));
			this.mvc.perform(delete("/api/v1/storage/rules/" + id).with(as(Role.ENGINEER)))
				.andExpect(status().isNoContent());
		}
	}

	@Test
	void aChannelNamedInATriggerFormulaCannotBeRenamed() throws Exception {
		// formulas refer to channels by name: a rename would silently break the rule
		Map<String, Object> rule = rule("rule.rename" + this.suffix);
		rule.put("mode", "TRIGGER");
		rule.put("settings", map("formula", "[rules.temp" + this.suffix + "] > 80"));
		create("/api/v1/storage/rules", rule);
		Map<String, Object> renamed = ChannelFixtures.simulator("rules.temp.renamed" + this.suffix);
		renamed.put("version", 0);
		this.mvc.perform(json(put("/api/v1/io/channels/" + this.temp), renamed).with(as(Role.ENGINEER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("rule.rename" + this.suffix)));
		Map<String, Object> unchangedName = ChannelFixtures.simulator("rules.temp" + this.suffix);
		unchangedName.put("version", 0);
		unchangedName.put("unit", "K");
		this.mvc.perform(json(put("/api/v1/io/channels/" + this.temp), unchangedName).with(as(Role.ENGINEER)))
			.andExpect(status().isOk());
	}

	@Test
	void aFileBackendNeedsARelativeDirectory() throws Exception {
		Map<String, Object> rule = rule("rule.file" + this.suffix);
		rule.put("backend", "FILE");
		rule.put("backendSettings", map("directory", "../etc", "rotateSizeBytes", 10, "naming", "{rule}_{date}.csv"));
		this.mvc.perform(json(post("/api/v1/storage/rules"), rule).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("backendSettings.directory",
					"backendSettings.rotateSizeBytes", "backendSettings.naming")));
		rule.put("backendSettings", map("directory", "line1/csv", "rotateEveryMs", 3600000));
		this.mvc.perform(json(post("/api/v1/storage/rules"), rule).with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			// no naming stored: the storage engine's parx.storage.file.default-naming
			// applies
			.andExpect(jsonPath("$.backendSettings.naming").doesNotExist())
			.andExpect(jsonPath("$.backendSettings.rotateSizeBytes").value(0));
	}

	@Test
	void aTriggerFormulaWithASyntaxErrorIs400WithItsPosition() throws Exception {
		Map<String, Object> rule = rule("rule.badformula" + this.suffix);
		rule.put("mode", "TRIGGER");
		rule.put("settings", map("formula", "temp > > 80"));
		this.mvc.perform(json(post("/api/v1/storage/rules"), rule).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/formula-syntax"))
			.andExpect(jsonPath("$.position").value(7))
			.andExpect(jsonPath("$.errors[0].field").value("settings.formula"));
	}

	@Test
	void aTriggerFormulaOverUnknownChannelsIs400NamingThem() throws Exception {
		Map<String, Object> rule = rule("rule.unknownchannel" + this.suffix);
		rule.put("mode", "TRIGGER");
		rule.put("settings", map("formula", "[no such channel] > 1"));
		this.mvc.perform(json(post("/api/v1/storage/rules"), rule).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("settings.formula"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("[no such channel]")));
	}

	@Test
	void invalidRulesAre400NamingEveryBadField() throws Exception {
		Map<String, Object> rule = map("name", "", "mode", "CHANGE", "settings",
				map("deadband", -1, "deadbandType", "RELATIVE"), "retentionDays", 0, "channelIds", List.of(987654321));
		this.mvc.perform(json(post("/api/v1/storage/rules"), rule).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("name", "settings.deadband", "settings.deadbandType", "retentionDays")));
		Map<String, Object> event = rule("rule.badchannel" + this.suffix);
		event.put("mode", "EVENT");
		event.put("settings", map("conditionChannelId", 987654321));
		event.put("channelIds", List.of(987654320));
		this.mvc.perform(json(post("/api/v1/storage/rules"), event).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("channelIds", "settings.conditionChannelId")));
	}

	@Test
	void unknownRuleIs404StaleUpdateIs409AndOperatorIs403() throws Exception {
		this.mvc.perform(get("/api/v1/storage/rules/987654321").with(as(Role.OPERATOR)))
			.andExpect(status().isNotFound());
		long id = create("/api/v1/storage/rules", rule("rule.locking" + this.suffix));
		Map<String, Object> change = rule("rule.locking" + this.suffix);
		change.put("version", 0);
		this.mvc.perform(json(put("/api/v1/storage/rules/" + id), change).with(as(Role.ENGINEER)))
			.andExpect(status().isOk());
		this.mvc.perform(json(put("/api/v1/storage/rules/" + id), change).with(as(Role.ENGINEER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/version-conflict"));
		this.mvc
			.perform(json(post("/api/v1/storage/rules"), rule("rule.operator" + this.suffix)).with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/storage/rules")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/storage/rules?channelId=" + this.temp).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1));
	}

	@Test
	void batchDefinitionsOfBothModesAreValidatedAndStored() throws Exception {
		long valueChange = create("/api/v1/storage/batch-definitions",
				map("name", "batch.coil" + this.suffix, "mode", "VALUE_CHANGE", "triggerChannelId", this.temp));
		this.mvc.perform(get("/api/v1/storage/batch-definitions/" + valueChange).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.triggerChannelId").value(this.temp))
			.andExpect(jsonPath("$.startChannelId").doesNotExist());
		long startStop = create("/api/v1/storage/batch-definitions", map("name", "batch.startstop" + this.suffix,
				"mode", "START_STOP", "startChannelId", this.temp, "stopChannelId", this.pressure));
		this.mvc
			.perform(json(put("/api/v1/storage/batch-definitions/" + startStop),
					map("name", "batch.startstop" + this.suffix, "mode", "START_STOP", "startChannelId", this.temp,
							"nameChannelId", this.pressure, "version", 0))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nameChannelId").value(this.pressure));

		this.mvc
			.perform(json(post("/api/v1/storage/batch-definitions"),
					map("name", "batch.bad" + this.suffix, "mode", "VALUE_CHANGE", "startChannelId", this.temp))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("triggerChannelId", "startChannelId")));
		this.mvc
			.perform(json(post("/api/v1/storage/batch-definitions"),
					map("name", "batch.missing" + this.suffix, "mode", "START_STOP", "startChannelId", 987654321))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("startChannelId"));
		this.mvc
			.perform(json(post("/api/v1/storage/batch-definitions"),
					map("name", "batch.operator" + this.suffix, "mode", "VALUE_CHANGE", "triggerChannelId", this.temp))
				.with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/storage/batch-definitions/" + valueChange).with(as(Role.ENGINEER)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/storage/batch-definitions/" + valueChange).with(as(Role.OPERATOR)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSettingsStoredForEveryModeAreTheSharedContractDocument() throws Exception {
		// the storage engine's test reads these same documents and checks every default
		// (issue #18: one storage-mode contract for both services)
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.modes()) {
			Map<String, Object> rule = rule("rule.api-saved." + entry.name() + this.suffix);
			rule.put("mode", entry.name());
			rule.put("settings", entry.sent(this.pressure));
			long id = create("/api/v1/storage/rules", rule);
			String stored = this.jdbc.sql("select settings::text from storage_rule where id = ?")
				.param(id)
				.query(String.class)
				.single();
			assertThat(this.json.readValue(stored, new TypeReference<Map<String, Object>>() {
			})).as(entry.name())
				.isEqualTo(
						this.json.readValue(entry.storedJson(this.pressure), new TypeReference<Map<String, Object>>() {
						}));
		}
	}

	@Test
	void theBackendSettingsStoredForEveryBackendAreTheSharedContractDocument() throws Exception {
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.backends()) {
			Map<String, Object> rule = rule("rule.api-saved-backend." + entry.name() + this.suffix);
			rule.put("backend", entry.name());
			rule.put("backendSettings", entry.sent(this.pressure));
			long id = create("/api/v1/storage/rules", rule);
			String stored = this.jdbc.sql("select backend_settings::text from storage_rule where id = ?")
				.param(id)
				.query(String.class)
				.single();
			assertThat(this.json.readValue(stored, new TypeReference<Map<String, Object>>() {
			})).as(entry.name()).isEqualTo(entry.stored(this.pressure));
		}
	}

	private Map<String, Object> rule(String name) {
		return map("name", name, "description", "test rule", "mode", "CONTINUOUS", "settings", map("intervalMs", 0),
				"channelIds", List.of(this.temp, this.pressure));
	}

	private long create(String path, Map<String, Object> body) throws Exception {
		String response = this.mvc.perform(json(post(path), body).with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("id").asLong();
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
	}

}
