package io.parx.admin.channels;

import java.util.List;
import java.util.Map;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.parx.admin.channels.ChannelFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/v1/io/channels} against the real config database. */
class ChannelApiTests extends AbstractIntegrationTest {

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void engineerCreatesReadsUpdatesAndDeletesAChannel() throws Exception {
		long id = create(ChannelFixtures.modbus("crud.modbus"));
		this.mvc.perform(get("/api/v1/io/channels/" + id).with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.name").value("crud.modbus"))
			.andExpect(jsonPath("$.protocol").value("MODBUS_TCP"))
			.andExpect(jsonPath("$.settings.address").value(100))
			.andExpect(jsonPath("$.settings.port").value(502))
			.andExpect(jsonPath("$.tags", containsInAnyOrder("line1", "temperature")));

		Map<String, Object> change = ChannelFixtures.modbus("crud.modbus");
		change.put("unit", "bar");
		this.mvc
			.perform(json(put("/api/v1/io/channels/" + id), change).header("If-Match", "\"0\"").with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.unit").value("bar"))
			.andExpect(jsonPath("$.version").value(1));

		this.mvc.perform(delete("/api/v1/io/channels/" + id).with(as(Role.ENGINEER))).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/io/channels/" + id).with(as(Role.ENGINEER))).andExpect(status().isNotFound());
	}

	@Test
	void passwordsAreWriteOnlyAndAnUpdateWithoutOneKeepsTheStoredOne() throws Exception {
		long id = create(ChannelFixtures.opcua("secret.opcua"));
		this.mvc.perform(get("/api/v1/io/channels/" + id).with(as(Role.ADMIN)))
			.andExpect(jsonPath("$.settings.password").doesNotExist())
			.andExpect(jsonPath("$.settings.passwordSet").value(true))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("s3cret-opc"))));

		Map<String, Object> change = ChannelFixtures.opcua("secret.opcua");
		settings(change).remove("password");
		change.put("version", 0);
		this.mvc.perform(json(put("/api/v1/io/channels/" + id), change).with(as(Role.ENGINEER)))
			.andExpect(status().isOk());
		assertThat(storedSettings(id)).contains("s3cret-opc");

		// the audit trail has the change, but never the secret
		List<String> audit = this.jdbc
			.sql("select coalesce(before_value::text, '') || coalesce(after_value::text, '') from audit_event"
					+ " where entity_type = 'channel' and entity_id = ?")
			.param(id)
			.query(String.class)
			.list();
		assertThat(audit).hasSize(2).noneMatch((row) -> row.contains("s3cret-opc"));
	}

	@Test
	void whatAGetAnswersCanBeEditedAndPutBack() throws Exception {
		// clients edit the document they loaded; read-only fields and passwordSet must
		// not
		// make it invalid, and the missing password must not erase the stored one
		long id = create(ChannelFixtures.mqtt("roundtrip.mqtt"));
		Map<String, Object> changeWithSecret = ChannelFixtures.mqtt("roundtrip.mqtt");
		settings(changeWithSecret).putAll(ChannelFixtures.map("username", "plant", "password", "mqtt-secret"));
		changeWithSecret.put("version", 0);
		this.mvc.perform(json(put("/api/v1/io/channels/" + id), changeWithSecret).with(as(Role.ENGINEER)))
			.andExpect(status().isOk());
		String loaded = this.mvc.perform(get("/api/v1/io/channels/" + id).with(as(Role.ENGINEER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		@SuppressWarnings("unchecked")
		Map<String, Object> edited = this.json.readValue(loaded, Map.class);
		edited.put("description", "edited");
		this.mvc.perform(json(put("/api/v1/io/channels/" + id), edited).with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value("edited"))
			.andExpect(jsonPath("$.settings.passwordSet").value(true))
			.andExpect(jsonPath("$.version").value(2));
		assertThat(storedSettings(id)).contains("mqtt-secret");
	}

	@Test
	void invalidSettingsAre400NamingEveryBadFieldOfTheProtocol() throws Exception {
		Map<String, Object> modbus = ChannelFixtures.modbus("bad.modbus");
		settings(modbus).putAll(ChannelFixtures.map("port", 0, "registerType", "REGISTER", "byteOrder", "ZZZZ"));
		expectFieldErrors(modbus, "settings.port", "settings.registerType", "settings.byteOrder");

		Map<String, Object> opcua = ChannelFixtures.opcua("bad.opcua");
		settings(opcua).putAll(ChannelFixtures.map("nodeId", "ns=2;x=1", "endpointUrl", "tcp://plc"));
		expectFieldErrors(opcua, "settings.nodeId", "settings.endpointUrl");

		Map<String, Object> mqtt = ChannelFixtures.mqtt("bad.mqtt");
		settings(mqtt).putAll(ChannelFixtures.map("topic", "a/#/b", "qos", 5));
		expectFieldErrors(mqtt, "settings.topic", "settings.qos");

		Map<String, Object> simulator = ChannelFixtures.simulator("bad.simulator");
		settings(simulator).put("waveform", "TRIANGLE");
		simulator.put("dataType", "DOUBLE");
		expectFieldErrors(simulator, "dataType", "settings.waveform");
	}

	@Test
	void sparkplugChannelsNameTheirMetricAndBadSparkplugFieldsAre400NamingTheField() throws Exception {
		// the collector subscribes per edge node, so a Sparkplug B channel has no topic
		Map<String, Object> sparkplug = ChannelFixtures.sparkplug("sp.good");
		this.mvc.perform(json(post("/api/v1/io/channels"), sparkplug).with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.settings.payloadFormat").value("SPARKPLUG_B"))
			.andExpect(jsonPath("$.settings.metricName").value("Line1/Temp"))
			.andExpect(jsonPath("$.settings.topic").doesNotExist());

		Map<String, Object> bad = ChannelFixtures.sparkplug("sp.bad");
		settings(bad).remove("metricName");
		settings(bad).putAll(ChannelFixtures.map("edgeNodeId", "gw/1", "topic", "plant/#"));
		expectFieldErrors(bad, "settings.metricName", "settings.edgeNodeId", "settings.topic");

		Map<String, Object> json = ChannelFixtures.mqtt("sp.json");
		settings(json).put("groupId", "plant");
		expectFieldErrors(json, "settings.groupId");
	}

	@Test
	void malformedJsonIs400NotA500() throws Exception {
		this.mvc
			.perform(post("/api/v1/io/channels").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": ")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void unknownChannelIs404() throws Exception {
		this.mvc.perform(get("/api/v1/io/channels/987654321").with(as(Role.OPERATOR)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("/problems/not-found"));
		this.mvc
			.perform(json(put("/api/v1/io/channels/987654321"), ChannelFixtures.simulator("nobody"))
				.header("If-Match", "\"0\"")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aStaleUpdateIs409AndChangesNothing() throws Exception {
		// two engineers loaded version 0; the second save must not overwrite the first
		long id = create(ChannelFixtures.simulator("concurrent.sim"));
		Map<String, Object> first = ChannelFixtures.simulator("concurrent.sim");
		first.put("unit", "first");
		this.mvc
			.perform(json(put("/api/v1/io/channels/" + id), first).header("If-Match", "\"0\"").with(as(Role.ENGINEER)))
			.andExpect(status().isOk());
		Map<String, Object> second = ChannelFixtures.simulator("concurrent.sim");
		second.put("unit", "second");
		this.mvc
			.perform(json(put("/api/v1/io/channels/" + id), second).header("If-Match", "\"0\"").with(as(Role.ENGINEER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/version-conflict"))
			.andExpect(jsonPath("$.currentVersion").value(1));
		this.mvc.perform(get("/api/v1/io/channels/" + id).with(as(Role.ENGINEER)))
			.andExpect(jsonPath("$.unit").value("first"));
	}

	@Test
	void ofTwoSimultaneousUpdatesOfTheSameVersionExactlyOneWins() throws Exception {
		// both pass the version pre-check; the database's "where version = ?" decides
		long id = create(ChannelFixtures.simulator("race.sim"));
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.Callable<Integer> update = () -> {
			Map<String, Object> change = ChannelFixtures.simulator("race.sim");
			change.put("unit", Thread.currentThread().getName());
			MockHttpServletRequestBuilder request = json(put("/api/v1/io/channels/" + id), change)
				.header("If-Match", "\"0\"")
				.with(as(Role.ENGINEER));
			start.await();
			return this.mvc.perform(request).andReturn().getResponse().getStatus();
		};
		try (var executor = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			var first = executor.submit(update);
			var second = executor.submit(update);
			assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
		}
		this.mvc.perform(get("/api/v1/io/channels/" + id).with(as(Role.ENGINEER)))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void anUpdateWithoutAnyVersionIs428() throws Exception {
		long id = create(ChannelFixtures.simulator("unversioned.sim"));
		this.mvc
			.perform(json(put("/api/v1/io/channels/" + id), ChannelFixtures.simulator("unversioned.sim"))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isPreconditionRequired());
	}

	@Test
	void aSecondChannelWithTheSameNameIs409() throws Exception {
		create(ChannelFixtures.simulator("twice.sim"));
		this.mvc
			.perform(json(post("/api/v1/io/channels"), ChannelFixtures.simulator("twice.sim")).with(as(Role.ENGINEER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void operatorsReadButCannotWrite() throws Exception {
		this.mvc.perform(get("/api/v1/io/channels").with(as(Role.OPERATOR))).andExpect(status().isOk());
		this.mvc
			.perform(json(post("/api/v1/io/channels"), ChannelFixtures.simulator("operator.sim"))
				.with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
		long id = create(ChannelFixtures.simulator("operator.target"));
		this.mvc.perform(delete("/api/v1/io/channels/" + id).with(as(Role.OPERATOR))).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/io/channels/" + id + "/test").with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
	}

	@Test
	void requestsWithoutTokenAre401() throws Exception {
		this.mvc.perform(get("/api/v1/io/channels")).andExpect(status().isUnauthorized());
		this.mvc.perform(json(post("/api/v1/io/channels"), ChannelFixtures.simulator("anonymous.sim")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/io/channels").with(bearer(FOREIGN_TOKENS.token("mallory", "ADMIN"))))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theListFiltersByNameTagProtocolAndDeviceWithATotalCount() throws Exception {
		for (int i = 0; i < 3; i++) {
			Map<String, Object> channel = ChannelFixtures.modbus("filter.press" + i);
			channel.put("tags", List.of("filter-press"));
			settings(channel).put("host", "press-plc.local");
			create(channel);
		}
		create(ChannelFixtures.mqtt("filter.mqtt"));
		this.mvc.perform(get("/api/v1/io/channels?name=FILTER.PRESS&size=2&sort=name,desc").with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andExpect(jsonPath("$.page.totalPages").value(2))
			.andExpect(jsonPath("$.content[0].name").value("filter.press2"));
		this.mvc.perform(get("/api/v1/io/channels?tag=filter-press&protocol=MODBUS_TCP").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.page.totalElements").value(3));
		this.mvc.perform(get("/api/v1/io/channels?device=press-plc").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.page.totalElements").value(3));
		this.mvc.perform(get("/api/v1/io/channels?name=filter.&protocol=MQTT").with(as(Role.OPERATOR)))
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[*].name", hasItem("filter.mqtt")));
		this.mvc.perform(get("/api/v1/io/channels?protocol=CAN").with(as(Role.OPERATOR)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/io/channels?sort=settings").with(as(Role.OPERATOR)))
			.andExpect(status().isBadRequest());
	}

	long create(Map<String, Object> body) throws Exception {
		MvcResult result = this.mvc.perform(json(post("/api/v1/io/channels"), body).with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andReturn();
		return this.json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
	}

	private void expectFieldErrors(Map<String, Object> body, String... fields) throws Exception {
		this.mvc.perform(json(post("/api/v1/io/channels"), body).with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder((Object[]) fields)));
	}

	private String storedSettings(long id) {
		return this.jdbc.sql("select settings::text from channel where id = ?").param(id).query(String.class).single();
	}

}
