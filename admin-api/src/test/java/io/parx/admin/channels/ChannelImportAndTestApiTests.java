package io.parx.admin.channels;

import java.util.List;
import java.util.Map;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.correlation.CorrelationId;
import io.parx.common.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.parx.admin.channels.ChannelFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk import and the live channel test through the collector. */
@ExtendWith(OutputCaptureExtension.class)
class ChannelImportAndTestApiTests extends AbstractIntegrationTest {

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void csvImportStoresGoodRowsAndNamesTheFieldsOfEveryBadRow() throws Exception {
		String csv = """
				name,dataType,protocol,tags,host,registerType,address,waveform
				import.csv.1,FLOAT32,MODBUS_TCP,line9;import,10.9.0.1,HOLDING_REGISTER,10,
				import.csv.2,INT16,MODBUS_TCP,line9,10.9.0.1,INPUT_REGISTER,70000,
				import.csv.3,FLOAT64,SIMULATOR,line9,,,,SINE
				import.csv.4,FLOAT64,SIMULATOR,,,,,ZIGZAG
				""";
		this.mvc
			.perform(post("/api/v1/io/channels/import").contentType("text/csv").content(csv).with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.failed").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("settings.address"))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].name").value("import.csv.4"))
			.andExpect(jsonPath("$.errors[1].errors[0].field").value("settings.waveform"));
		assertThat(count("import.csv.%")).isEqualTo(2);

		// importing the same file again neither duplicates nor changes anything
		this.mvc
			.perform(post("/api/v1/io/channels/import").contentType("text/csv").content(csv).with(as(Role.ENGINEER)))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(count("import.csv.%")).isEqualTo(2);
	}

	@Test
	void jsonImportCreatesAndUpdatesByName() throws Exception {
		Map<String, Object> changed = ChannelFixtures.simulator("import.json.1");
		changed.put("unit", "rpm");
		List<Object> rows = List.of(ChannelFixtures.simulator("import.json.1"), ChannelFixtures.mqtt("import.json.2"),
				changed, "not a channel");
		this.mvc
			.perform(post("/api/v1/io/channels/import").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(rows))
				.with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(4));
		assertThat(this.jdbc.sql("select unit from channel where name = 'import.json.1'").query(String.class).single())
			.isEqualTo("rpm");
	}

	@Test
	void operatorsCannotImport() throws Exception {
		this.mvc.perform(
				post("/api/v1/io/channels/import").contentType("text/csv").content("name\nx\n").with(as(Role.OPERATOR)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aChannelTestForwardsTheConfigWithSecretsAndTheCallersTokenToTheCollector() throws Exception {
		long id = createChannel(ChannelFixtures.opcua("test.opcua"));
		CollectorStub.shared()
			.answer(200, "{\"value\":21.5,\"quality\":0,\"qualityName\":\"Good\",\"latencyMs\":12,\"error\":null}");
		String token = token(Role.ENGINEER);
		this.mvc.perform(post("/api/v1/io/channels/" + id + "/test").with(bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(21.5))
			.andExpect(jsonPath("$.quality").value(0))
			.andExpect(jsonPath("$.qualityName").value("Good"))
			.andExpect(jsonPath("$.latencyMs").value(12));
		CollectorStub.Request request = CollectorStub.shared().lastRequest();
		assertThat(request.authorization()).isEqualTo("Bearer " + token);
		JsonNode channel = this.json.readTree(request.body()).get("channel");
		assertThat(channel.get("id").asLong()).isEqualTo(id);
		assertThat(channel.get("settings").get("nodeId").asString()).isEqualTo("ns=2;s=Line1.Temp");
		assertThat(channel.get("settings").get("password").asString()).isEqualTo("s3cret-opc");
		// the device gets a second less than the whole call, so its own timeout is
		// reported
		assertThat(this.json.readTree(request.body()).get("timeoutMs").asLong()).isEqualTo(9000);
	}

	@Test
	void aDeviceFailureComesBackAsABadQualityWithItsReason() throws Exception {
		long id = createChannel(ChannelFixtures.modbus("test.modbus.refused"));
		CollectorStub.shared()
			.answer(200, "{\"value\":null,\"quality\":2147811328,\"error\":\"connection refused: 10.0.0.5:502\"}");
		this.mvc.perform(post("/api/v1/io/channels/" + id + "/test").with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quality").value(2147811328L))
			.andExpect(jsonPath("$.qualityName").value(org.hamcrest.Matchers.containsString("Communication")))
			.andExpect(jsonPath("$.error").value("connection refused: 10.0.0.5:502"))
			.andExpect(jsonPath("$.latencyMs").isNumber());
	}

	@Test
	void aCollectorThatFailsIsA502Problem() throws Exception {
		long id = createChannel(ChannelFixtures.simulator("test.collector.broken"));
		CollectorStub.shared().answer(500, "{\"title\":\"boom\"}");
		this.mvc.perform(post("/api/v1/io/channels/" + id + "/test").with(as(Role.ENGINEER)))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.type").value("/problems/collector-unavailable"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("answered 500")));
	}

	@Test
	void theRequestsCorrelationIdIsEchoedForwardedToTheCollectorAndOnItsLogLines(CapturedOutput output)
			throws Exception {
		// docs/OPERATIONS.md, "Logs": one id finds the admin-api's and the collector's
		// lines of one click
		long id = createChannel(ChannelFixtures.simulator("test.collector.correlated"));
		CollectorStub.shared().answer(500, "{\"title\":\"boom\"}");
		this.mvc
			.perform(post("/api/v1/io/channels/" + id + "/test").header(CorrelationId.HEADER, "click-0815")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isBadGateway())
			.andExpect(header().string(CorrelationId.HEADER, "click-0815"));
		assertThat(CollectorStub.shared().lastRequest().correlationId()).isEqualTo("click-0815");
		assertThat(output.getOut().lines().filter((line) -> line.contains("Collector call failed")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("click-0815");
	}

	@Test
	void aRequestWithoutCorrelationIdGetsOneOfItsOwn() throws Exception {
		String first = this.mvc.perform(post("/api/v1/io/channels/876543210/test").with(as(Role.ENGINEER)))
			.andReturn()
			.getResponse()
			.getHeader(CorrelationId.HEADER);
		String second = this.mvc.perform(post("/api/v1/io/channels/876543210/test").with(as(Role.ENGINEER)))
			.andReturn()
			.getResponse()
			.getHeader(CorrelationId.HEADER);
		assertThat(first).matches("[0-9a-f-]{36}").isNotEqualTo(second);
	}

	@Test
	void testingAnUnknownChannelIs404() throws Exception {
		this.mvc.perform(post("/api/v1/io/channels/876543210/test").with(as(Role.ENGINEER)))
			.andExpect(status().isNotFound());
	}

	private long createChannel(Map<String, Object> body) throws Exception {
		String response = this.mvc
			.perform(post("/api/v1/io/channels").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("id").asLong();
	}

	private long count(String namePattern) {
		return this.jdbc.sql("select count(*) from channel where name like ?")
			.param(namePattern)
			.query(Long.class)
			.single();
	}

}
