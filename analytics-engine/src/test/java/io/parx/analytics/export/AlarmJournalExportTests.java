package io.parx.analytics.export;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.parx.analytics.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarm journal export over real HTTP against journal rows in the test's time-series
 * database, read back as CSV, JSON and with POI.
 */
class AlarmJournalExportTests extends AbstractIntegrationTest {

	private static final long CHANNEL = 987_001;

	private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void journal() {
		String insert = "insert into alarm_journal (time, definition_id, state, event, channel_id, name, priority, "
				+ "value_num, value_text, message, username, comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				+ "on conflict do nothing";
		var jdbc = fixture().timeseries.jdbc();
		jdbc.update(insert, T0.atOffset(ZoneOffset.UTC), 41, "ACTIVE_UNACKED", "ACTIVATED", CHANNEL, "Furnace hot", 3,
				871.5, null, "Furnace, 871.5 °C", null, null);
		jdbc.update(insert, T0.plusSeconds(60).atOffset(ZoneOffset.UTC), 41, "ACTIVE_ACKED", "ACKNOWLEDGED", CHANNEL,
				"Furnace hot", 3, 871.5, null, "Furnace, 871.5 °C", "alice", "on it, \"checking\"");
		jdbc.update(insert, T0.plusSeconds(120).atOffset(ZoneOffset.UTC), 42, "ACTIVE_UNACKED", "ACTIVATED", CHANNEL,
				"Door open", 1, 1.0, "true", "Door open", null, null);
		// another channel's entry, filtered out below
		jdbc.update(insert, T0.plusSeconds(30).atOffset(ZoneOffset.UTC), 43, "ACTIVE_UNACKED", "ACTIVATED", CHANNEL + 1,
				"Other", 2, 1.0, null, "Other", null, null);
	}

	private HttpResponse<byte[]> export(String query, String role) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/analytics/export/alarm-journal?" + query))
			.header("Authorization", "Bearer " + token(role))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String range() {
		return "from=" + T0 + "&to=" + T0.plusSeconds(3600) + "&channelId=" + CHANNEL;
	}

	@Test
	void anOperatorExportsTheJournalOfAChannelAsCsvOldestFirst() throws Exception {
		HttpResponse<byte[]> response = export("format=csv&" + range(), "OPERATOR");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
				"parx-alarm-journal-20260401T080000Z-20260401T090000Z.csv");
		String[] lines = new String(response.body(), StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines).hasSize(4);
		assertThat(lines[0])
			.isEqualTo("time,definitionId,name,channelId,event,state,priority,value,message,user,comment");
		assertThat(lines[1])
			.startsWith("2026-04-01T08:00:00Z,41,Furnace hot," + CHANNEL + ",ACTIVATED,ACTIVE_UNACKED,HIGH,871.5");
		assertThat(lines[2]).contains("ACKNOWLEDGED", "alice", "\"on it, \"\"checking\"\"\"");
		assertThat(lines[3]).contains("Door open", "LOW", ",true,");
	}

	@Test
	void theJournalFiltersOfTheStorageEngineApplyToTheExport() throws Exception {
		HttpResponse<byte[]> response = export("format=json&" + range() + "&priority=HIGH&state=ACTIVE_ACKED",
				"OPERATOR");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode rows = JsonMapper.builder().build().readTree(response.body());
		assertThat(rows.size()).isOne();
		assertThat(rows.get(0).get("user").asString()).isEqualTo("alice");
		assertThat(rows.get(0).get("value").asDouble()).isEqualTo(871.5);
	}

	@Test
	void anXlsxExportOpensInPoi() throws Exception {
		HttpResponse<byte[]> response = export("format=xlsx&" + range() + "&text=door", "ENGINEER");

		assertThat(response.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isOne();
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Door open");
		}
	}

	@Test
	void badFiltersAreProblemsNamingTheParameter() throws Exception {
		HttpResponse<byte[]> state = export(range() + "&state=ON_FIRE", "OPERATOR");
		HttpResponse<byte[]> span = export("from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "OPERATOR");
		HttpResponse<byte[]> format = export(range() + "&format=pdf", "OPERATOR");

		assertThat(state.statusCode()).isEqualTo(400);
		assertThat(new String(state.body(), StandardCharsets.UTF_8)).contains("\"field\":\"state\"");
		assertThat(span.statusCode()).isEqualTo(400);
		assertThat(new String(span.body(), StandardCharsets.UTF_8)).contains("\"field\":\"to\"");
		assertThat(format.statusCode()).isEqualTo(400);
		assertThat(new String(format.body(), StandardCharsets.UTF_8)).contains("\"field\":\"format\"");
	}

}
