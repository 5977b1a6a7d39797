package io.parx.admin.channels;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.parx.admin.channels.ChannelFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CSV export in the import's layout, and export → import round trips. */
class ChannelExportApiTests extends AbstractIntegrationTest {

	private static final String HEADER = "name,description,unit,dataType,scale,offset,pollIntervalMs,enabled,collector,"
			+ "tags,protocol,version,host,port,unitId,registerType,address,byteOrder,wordOrder,stringLength,timeoutMs,"
			+ "maxRegistersPerRequest,maxGap,endpointUrl,nodeId,securityPolicy,securityMode,authentication,username,"
			+ "samplingIntervalMs,deadband,brokerUrl,clientId,topic,qos,payloadFormat,valuePointer,timestampPointer,"
			+ "groupId,edgeNodeId,deviceId,metricName,waveform,amplitude,periodMs,settings.offset";

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reimportingAnUnchangedExportOfEveryProtocolCreatesAndChangesNothing() throws Exception {
		Map<String, Object> described = ChannelFixtures.modbus("export.rt.modbus");
		described.put("description", "a, \"quoted\"\nsecond line");
		described.put("tags", List.of("export-rt", "line 1, north"));
		create(described);
		Map<String, Object> opcua = ChannelFixtures.opcua("export.rt.opcua");
		opcua.put("tags", List.of("export-rt"));
		create(opcua);
		Map<String, Object> mqtt = ChannelFixtures.mqtt("export.rt.mqtt");
		mqtt.put("tags", List.of("export-rt"));
		settings(mqtt).put("username", "plant");
		settings(mqtt).put("password", "s3cret-mqtt");
		create(mqtt);
		Map<String, Object> simulator = ChannelFixtures.simulator("export.rt.simulator");
		simulator.put("tags", List.of("export-rt"));
		simulator.put("offset", 5.5);
		simulator.put("collector", "edge-1");
		create(simulator);

		String csv = export("?tag=export-rt");
		assertThat(csv).startsWith("\uFEFF" + HEADER + "\r\n");
		assertThat(csv).doesNotContain("s3cret");
		assertThat(csv.lines().count()).as("header, 4 rows, one continued line").isEqualTo(6);
		assertThat(csv).contains("\"a, \"\"quoted\"\"\nsecond line\"");
		assertThat(csv).as("the simulator's settings.offset last, its channel offset in the offset column")
			.contains(",SINE,10,60000,20\r\n")
			.contains(",1,5.5,1000,");

		this.mvc
			.perform(post("/api/v1/io/channels/import").contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(4))
			.andExpect(jsonPath("$.failed").value(0));
		assertThat(this.jdbc.sql("select max(version) from channel where name like 'export.rt.%'")
			.query(Long.class)
			.single()).as("nothing was stored again").isZero();
		assertThat(secret("export.rt.opcua")).isEqualTo("s3cret-opc");
		assertThat(secret("export.rt.mqtt")).isEqualTo("s3cret-mqtt");
		assertThat(export("?tag=export-rt")).isEqualTo(csv);

		// one edited cell updates that row only, keeping its secrets
		String edited = csv.replace("export.rt.opcua,test channel,°C", "export.rt.opcua,test channel,K");
		this.mvc
			.perform(post("/api/v1/io/channels/import").contentType("text/csv")
				.content(edited.getBytes(StandardCharsets.UTF_8))
				.with(as(Role.ENGINEER)))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(3));
		assertThat(
				this.jdbc.sql("select unit from channel where name = 'export.rt.opcua'").query(String.class).single())
			.isEqualTo("K");
		assertThat(secret("export.rt.opcua")).isEqualTo("s3cret-opc");

		// the old export is now stale for that row: its version no longer matches
		this.mvc
			.perform(post("/api/v1/io/channels/import").contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8))
				.with(as(Role.ENGINEER)))
			.andExpect(jsonPath("$.unchanged").value(3))
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.errors[0].name").value("export.rt.opcua"));
	}

	@Test
	void theExportFollowsTheListsFiltersAndSortAndEveryRoleMayExport() throws Exception {
		for (String name : List.of("export.f.b", "export.f.a", "export.f.c")) {
			Map<String, Object> channel = ChannelFixtures.simulator(name);
			channel.put("tags", List.of("export-f"));
			channel.put("enabled", !name.endsWith("c"));
			create(channel);
		}
		Map<String, Object> modbus = ChannelFixtures.modbus("export.f.modbus");
		modbus.put("tags", List.of("export-f"));
		create(modbus);

		String csv = this.mvc
			.perform(get("/api/v1/io/channels/export?tag=export-f&protocol=SIMULATOR&enabled=true&sort=name,desc")
				.with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"channels.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> names = csv.lines().skip(1).map((line) -> line.substring(0, line.indexOf(','))).toList();
		assertThat(names).containsExactly("export.f.b", "export.f.a");
	}

	@Test
	void aBadFilterOrSortIsAProblemNamingIt() throws Exception {
		this.mvc.perform(get("/api/v1/io/channels/export?protocol=CANBUS").with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("protocol"));
		this.mvc.perform(get("/api/v1/io/channels/export?sort=settings").with(as(Role.ENGINEER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void theExportNeedsAToken() throws Exception {
		this.mvc.perform(get("/api/v1/io/channels/export")).andExpect(status().isUnauthorized());
	}

	private String export(String query) throws Exception {
		return this.mvc.perform(get("/api/v1/io/channels/export" + query).with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private void create(Map<String, Object> body) throws Exception {
		this.mvc
			.perform(post("/api/v1/io/channels").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isCreated());
	}

	private String secret(String name) {
		return this.jdbc.sql("select settings->>'password' from channel where name = ?")
			.param(name)
			.query(String.class)
			.single();
	}

}
