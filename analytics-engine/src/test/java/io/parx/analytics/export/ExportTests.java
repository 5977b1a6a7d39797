package io.parx.analytics.export;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.parx.analytics.AbstractIntegrationTest;
import io.parx.analytics.HistoryFixture.Point;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports over real HTTP (they stream), read back with a CSV split, Jackson and POI and
 * compared with the generated samples.
 */
class ExportTests extends AbstractIntegrationTest {

	private static final Instant FROM = Instant.parse("2026-03-28T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-03-28T01:00:00Z");

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> export(String body, String role) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/analytics/export"))
			.header("Authorization", "Bearer " + token(role))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private String rawQuery(String format) {
		return "{\"format\":\"" + format + "\",\"query\":{\"channelIds\":[" + fixture().tempId + "],\"from\":\"" + FROM
				+ "\",\"to\":\"" + TO + "\"}}";
	}

	private List<Point> expected() {
		return fixture().temp.stream().filter((point) -> point.time().isBefore(TO)).toList();
	}

	@Test
	void anOperatorExportsRawRowsAsCsvThatParsesBackToTheSamples() throws Exception {
		HttpResponse<byte[]> response = export(rawQuery("csv"), "OPERATOR");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
				"parx-export-20260328T000000Z-20260328T010000Z.csv");
		String[] lines = new String(response.body(), StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).isEqualTo("time,series,id,name,value,quality");
		List<Point> expected = expected();
		assertThat(lines).hasSize(expected.size() + 1);
		for (int i = 0; i < expected.size(); i++) {
			String[] cells = lines[i + 1].split(",", -1);
			Point point = expected.get(i);
			assertThat(Instant.parse(cells[0])).isEqualTo(point.time());
			assertThat(cells[3]).isEqualTo("Furnace Temp");
			if (point.isDefined()) {
				assertThat(Double.parseDouble(cells[4])).isEqualTo(point.value());
			}
			else {
				assertThat(cells[4]).isEmpty();
				assertThat(Long.parseLong(cells[5])).isEqualTo(Integer.toUnsignedLong(point.quality()));
			}
		}
	}

	@Test
	void aJsonExportIsAnArrayOfRows() throws Exception {
		HttpResponse<byte[]> response = export(rawQuery("json"), "OPERATOR");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode rows = JsonMapper.builder().build().readTree(response.body());
		List<Point> expected = expected();
		assertThat(rows.size()).isEqualTo(expected.size());
		assertThat(rows.get(0).get("value").asDouble()).isEqualTo(expected.get(0).value());
		assertThat(rows.get(0).get("time").asString()).isEqualTo(expected.get(0).time().toString());
	}

	@Test
	void anXlsxExportOpensInPoiWithTheSameRows() throws Exception {
		HttpResponse<byte[]> response = export(rawQuery("xlsx"), "OPERATOR");
		assertThat(response.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<Point> expected = expected();
			assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("value");
			for (int i = 0; i < expected.size(); i++) {
				Row row = sheet.getRow(i + 1);
				Point point = expected.get(i);
				LocalDateTime time = row.getCell(0).getLocalDateTimeCellValue();
				assertThat(time.toInstant(ZoneOffset.UTC)).isEqualTo(point.time());
				if (point.isDefined()) {
					assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(point.value());
				}
			}
		}
	}

	@Test
	void anAggregatedExportHasOneColumnPerAggregate() throws Exception {
		String body = "{\"format\":\"csv\",\"query\":{\"channelIds\":[" + fixture().tempId + "],\"from\":\"" + FROM
				+ "\",\"to\":\"" + TO + "\",\"interval\":\"1m\",\"aggregates\":[\"avg\",\"max\"]}}";
		HttpResponse<byte[]> response = export(body, "OPERATOR");
		String[] lines = new String(response.body(), StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).startsWith("time,series,id,name,avg,twa,min,max");
		assertThat(lines).hasSize(61);
	}

	@Test
	void aBatchExportIsNamedAfterTheBatch() throws Exception {
		Long batchId = fixture().timeseries.jdbc()
			.queryForObject("select id from batch where name = 'COIL-1001'", Long.class);
		HttpResponse<byte[]> response = export(
				"{\"format\":\"csv\",\"batchId\":" + batchId + ",\"channelIds\":[" + fixture().pressureId + "]}",
				"OPERATOR");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("parx-batch-" + batchId + "-COIL-1001.csv");
		// Pressure every 15 s at +7 s: 01:00:07 ... 01:09:52 is 40 samples.
		assertThat(new String(response.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(41);
	}

	@Test
	void aDerivedSignalIsExportedWithItsFormulaValues() throws Exception {
		long id = fixture().config.jdbc()
			.sql("insert into derived_signal (name, formula) values (?, ?) returning id")
			.params("Double temp " + System.nanoTime(), "[Furnace Temp] * 2")
			.query(Long.class)
			.single();
		String body = "{\"format\":\"csv\",\"query\":{\"derivedSignalIds\":[" + id + "],\"from\":\"" + FROM
				+ "\",\"to\":\"" + FROM.plusSeconds(600) + "\",\"interval\":\"1m\"}}";
		HttpResponse<byte[]> response = export(body, "OPERATOR");
		assertThat(response.statusCode()).isEqualTo(200);
		String[] lines = new String(response.body(), StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines).hasSize(11);
		for (int i = 1; i < lines.length; i++) {
			String[] cells = lines[i].split(",", -1);
			Instant time = Instant.parse(cells[0]);
			assertThat(cells[1]).isEqualTo("derived");
			assertThat(Double.parseDouble(cells[4]))
				.isEqualTo(io.parx.analytics.Expected.previous(fixture().temp, time) * 2);
		}
	}

	@Test
	void exportsValidateBeforeStreaming() throws Exception {
		HttpResponse<byte[]> response = export(rawQuery("pdf"), "OPERATOR");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("/problems/validation");
		String tooLong = "{\"format\":\"csv\",\"query\":{\"channelIds\":[" + fixture().tempId
				+ "],\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-03-28T00:00:00Z\"}}";
		assertThat(export(tooLong, "OPERATOR").statusCode()).isEqualTo(413);
	}

}
