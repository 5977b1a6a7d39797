package io.parx.admin.dashboards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.admin.channels.ChannelFixtures;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.parx.admin.channels.ChannelFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/v1/dashboards}: ownership, visibility, and templates. */
class DashboardApiTests extends AbstractIntegrationTest {

	private static int counter;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	private String suffix;

	private long speed;

	private long torque;

	@BeforeEach
	void channels() throws Exception {
		this.suffix = "." + (++counter);
		this.speed = create("/api/v1/io/channels", ChannelFixtures.simulator("dash.speed" + this.suffix),
				as(Role.ENGINEER));
		this.torque = create("/api/v1/io/channels", ChannelFixtures.simulator("dash.torque" + this.suffix),
				as(Role.ENGINEER));
	}

	@Test
	void engineerCreatesUpdatesAndDeletesTheirDashboard() throws Exception {
		long id = create("/api/v1/dashboards", dashboard("dash.crud" + this.suffix, true), as(Role.ENGINEER));
		this.mvc.perform(get("/api/v1/dashboards/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.owner").value("engineer-user"))
			.andExpect(jsonPath("$.layout.widgets[0].kind").value("TREND"))
			.andExpect(jsonPath("$.layout.widgets[0].channelIds",
					containsInAnyOrder((int) this.speed, (int) this.torque)));
		Map<String, Object> change = dashboard("dash.crud" + this.suffix, false);
		change.put("version", 0);
		this.mvc.perform(json(put("/api/v1/dashboards/" + id), change).with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.shared").value(false));
		this.mvc.perform(json(put("/api/v1/dashboards/" + id), change).with(as(Role.ENGINEER)))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/v1/dashboards/" + id).with(as(Role.ENGINEER))).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/dashboards/" + id).with(as(Role.ENGINEER))).andExpect(status().isNotFound());
		// every change is in the audit trail, by whom, with before and after values
		List<String> audit = this.jdbc
			.sql("""
					select action || ':' || username || ':' || (before_value is not null) || ':' || (after_value is not null)
					from audit_event where entity_type = 'dashboard' and entity_id = ? order by id""")
			.param(id)
			.query(String.class)
			.list();
		assertThat(audit).containsExactly("CREATE:engineer-user:false:true", "UPDATE:engineer-user:true:true",
				"DELETE:engineer-user:true:false");
	}

	@Test
	void aPrivateDashboardIsInvisibleToOthersAndASharedOneIsReadOnlyForThem() throws Exception {
		RequestPostProcessor owner = bearer(
				this.accessTokens.issue("dash-owner" + this.suffix, 880_001L, Role.ENGINEER));
		RequestPostProcessor other = bearer(
				this.accessTokens.issue("dash-other" + this.suffix, 880_002L, Role.ENGINEER));
		long privateId = create("/api/v1/dashboards", dashboard("dash.private" + this.suffix, false), owner);
		long sharedId = create("/api/v1/dashboards", dashboard("dash.shared" + this.suffix, true), owner);

		this.mvc.perform(get("/api/v1/dashboards/" + privateId).with(other)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/dashboards?size=500").with(other))
			.andExpect(jsonPath("$.content[*].id", not(hasItem((int) privateId))))
			.andExpect(jsonPath("$.content[*].id", hasItem((int) sharedId)));
		this.mvc.perform(get("/api/v1/dashboards/" + privateId).with(as(Role.ADMIN))).andExpect(status().isOk());

		Map<String, Object> change = dashboard("dash.shared" + this.suffix, true);
		change.put("version", 0);
		this.mvc.perform(json(put("/api/v1/dashboards/" + sharedId), change).with(other))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/dashboards/" + sharedId).with(other)).andExpect(status().isForbidden());
		this.mvc.perform(json(put("/api/v1/dashboards/" + sharedId), change).with(owner)).andExpect(status().isOk());
	}

	@Test
	void operatorsReadAndExportButCannotCreateOrImport() throws Exception {
		long id = create("/api/v1/dashboards", dashboard("dash.operator" + this.suffix, true), as(Role.ENGINEER));
		this.mvc.perform(post("/api/v1/dashboards/" + id + "/export").with(as(Role.OPERATOR)))
			.andExpect(status().isOk());
		this.mvc
			.perform(
					json(post("/api/v1/dashboards"), dashboard("dash.op2" + this.suffix, true)).with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(json(post("/api/v1/dashboards/import"), map("format", "parx-dashboard")).with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/dashboards")).andExpect(status().isUnauthorized());
	}

	@Test
	void progressAndAlarmLogWidgetsAreStoredWithTheirOptionsAsSent() throws Exception {
		// the web console draws both (issue 14); their options are the client's, kept
		// verbatim
		Map<String, Object> progress = map("id", "p1", "kind", "PROGRESS", "title", "Furnace", "x", 0, "y", 0, "w", 6,
				"h", 2, "channelIds", List.of(this.speed), "options",
				map("min", 0, "max", 1200.5, "thresholds", List.of(map("value", 900, "color", "#d33"))));
		Map<String, Object> alarmLog = map("id", "a1", "kind", "ALARM_LOG", "x", 6, "y", 0, "w", 18, "h", 8,
				"channelIds", List.of(this.speed, this.torque), "options", map("maxEntries", 50));
		long id = create("/api/v1/dashboards", map("name", "dash.kinds" + this.suffix, "shared", true, "layout",
				map("widgets", List.of(progress, alarmLog))), as(Role.ENGINEER));
		this.mvc.perform(get("/api/v1/dashboards/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.layout.widgets[0].kind").value("PROGRESS"))
			.andExpect(jsonPath("$.layout.widgets[0].options.max").value(1200.5))
			.andExpect(jsonPath("$.layout.widgets[0].options.thresholds[0].color").value("#d33"))
			.andExpect(jsonPath("$.layout.widgets[1].kind").value("ALARM_LOG"))
			.andExpect(jsonPath("$.layout.widgets[1].channelIds.length()").value(2))
			.andExpect(jsonPath("$.layout.widgets[1].options.maxEntries").value(50));
		this.mvc.perform(post("/api/v1/dashboards/" + id + "/export").with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.layout.widgets[*].kind", containsInAnyOrder("PROGRESS", "ALARM_LOG")));
	}

	@Test
	void aSetpointWidgetIsStoredWithOneChannelAndRefusedWithTwo() throws Exception {
		// a confirmed write must go to one known channel (issue #19): two bound channels
		// would leave the console to guess
		Map<String, Object> setpoint = map("id", "s1", "kind", "SETPOINT", "title", "Furnace setpoint", "x", 0, "y", 0,
				"w", 6, "h", 4, "channelIds", List.of(this.speed), "options", map("decimals", 1));
		long id = create("/api/v1/dashboards",
				map("name", "dash.setpoint" + this.suffix, "shared", true, "layout", map("widgets", List.of(setpoint))),
				as(Role.ENGINEER));
		this.mvc.perform(get("/api/v1/dashboards/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.layout.widgets[0].kind").value("SETPOINT"))
			.andExpect(jsonPath("$.layout.widgets[0].channelIds[0]").value(this.speed))
			.andExpect(jsonPath("$.layout.widgets[0].options.decimals").value(1));
		Map<String, Object> two = new LinkedHashMap<>(setpoint);
		two.put("channelIds", List.of(this.speed, this.torque));
		this.mvc
			.perform(json(post("/api/v1/dashboards"),
					map("name", "dash.setpoint2" + this.suffix, "layout", map("widgets", List.of(two))))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("layout.widgets[0].channelIds"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("one channel")));
	}

	@Test
	void invalidLayoutsAre400NamingEveryBadField() throws Exception {
		Map<String, Object> body = map("name", "dash.bad" + this.suffix, "layout", map("widgets",
				List.of(map("kind", "PIE", "x", 20, "w", 10, "channelIds", List.of(this.speed)), "oops")));
		this.mvc.perform(json(post("/api/v1/dashboards"), body).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("layout.widgets[0].kind", "layout.widgets[0].w", "layout.widgets[1]")));
		Map<String, Object> missing = map("name", "dash.missing" + this.suffix, "layout",
				map("widgets", List.of(map("kind", "VALUE", "channelIds", List.of(987654321)))));
		this.mvc.perform(json(post("/api/v1/dashboards"), missing).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("layout.widgets[0].channelIds"));
	}

	@Test
	void anExportedTemplateRefersToChannelsByNameAndImportsBackWithoutDuplicates() throws Exception {
		long id = create("/api/v1/dashboards", dashboard("dash.template" + this.suffix, true), as(Role.ENGINEER));
		String exported = this.mvc.perform(post("/api/v1/dashboards/" + id + "/export").with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("parx-dashboard"))
			.andExpect(jsonPath("$.layout.widgets[0].channels",
					containsInAnyOrder("dash.speed" + this.suffix, "dash.torque" + this.suffix)))
			.andExpect(jsonPath("$.layout.widgets[0].channelIds").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// importing its own export updates the dashboard it came from
		this.mvc
			.perform(post("/api/v1/dashboards/import").contentType(MediaType.APPLICATION_JSON)
				.content(exported)
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(false))
			.andExpect(jsonPath("$.dashboard.id").value(id))
			.andExpect(jsonPath("$.unresolvedBindings").isEmpty());

		// on another installation the dashboard does not exist and a channel is missing
		JsonNode template = this.json.readTree(exported);
		String uid = template.get("uid").asString();
		this.jdbc.sql("delete from dashboard where id = ?").param(id).update();
		this.mvc.perform(delete("/api/v1/io/channels/" + this.torque).with(as(Role.ENGINEER)))
			.andExpect(status().isNoContent());
		String imported = this.mvc
			.perform(post("/api/v1/dashboards/import").contentType(MediaType.APPLICATION_JSON)
				.content(exported)
				.with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.created").value(true))
			.andExpect(jsonPath("$.dashboard.uid").value(uid))
			.andExpect(jsonPath("$.dashboard.layout.widgets[0].channelIds[0]").value(this.speed))
			.andExpect(jsonPath("$.dashboard.layout.widgets[0].channelIds.length()").value(1))
			.andExpect(jsonPath("$.unresolvedBindings[0].widgetIndex").value(0))
			.andExpect(jsonPath("$.unresolvedBindings[0].channel").value("dash.torque" + this.suffix))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long importedId = this.json.readTree(imported).get("dashboard").get("id").asLong();

		this.mvc
			.perform(post("/api/v1/dashboards/import").contentType(MediaType.APPLICATION_JSON)
				.content(exported)
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dashboard.id").value(importedId));
		assertThat(this.jdbc.sql("select count(*) from dashboard where uid = cast(? as uuid)")
			.param(uid)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anImportThatIsNotATemplateIs400() throws Exception {
		this.mvc
			.perform(json(post("/api/v1/dashboards/import"), map("format", "grafana", "name", "x", "uid", "nope"))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("format", "formatVersion", "uid")));
	}

	private Map<String, Object> dashboard(String name, boolean shared) {
		return map("name", name, "description", "test", "shared", shared, "layout",
				map("widgets",
						List.of(map("id", "w1", "kind", "TREND", "title", "Drive", "x", 0, "y", 0, "w", 12, "h", 6,
								"channelIds", List.of(this.speed, this.torque), "options", map("window", "PT1H")),
								map("kind", "TEXT", "x", 12, "w", 12, "options", map("text", "hello")))));
	}

	private long create(String path, Map<String, Object> body, RequestPostProcessor user) throws Exception {
		String response = this.mvc.perform(json(post(path), body).with(user))
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
