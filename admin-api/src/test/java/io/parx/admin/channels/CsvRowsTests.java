package io.parx.admin.channels;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvRowsTests {

	@Test
	void putsChannelColumnsAtTheTopAndEveryOtherColumnInSettings() {
		List<Map<String, Object>> rows = CsvRows.parse("""
				name,dataType,protocol,tags,host,settings.address,registerType
				Line1.Temp,FLOAT32,MODBUS_TCP,line1;temp,10.0.0.5,100,HOLDING_REGISTER
				""");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("name", "Line1.Temp")
			.containsEntry("tags", "line1;temp")
			.containsEntry("settings",
					Map.of("host", "10.0.0.5", "address", "100", "registerType", "HOLDING_REGISTER"));
	}

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
		// RFC 4180 §2.6, §2.7
		List<Map<String, Object>> rows = CsvRows.parse("name,description\r\n\"A, B\",\"say \"\"hi\"\"\nthere\"\r\n");
		assertThat(rows.get(0)).containsEntry("name", "A, B").containsEntry("description", "say \"hi\"\nthere");
	}

	@Test
	void readsSemicolonSeparatedFilesFromEuropeanSpreadsheets() {
		List<Map<String, Object>> rows = CsvRows.parse("\uFEFFname;dataType;tags;amplitude\nA;FLOAT64;\"x;y\";1,5\n");
		assertThat(rows.get(0)).containsEntry("name", "A")
			.containsEntry("tags", "x;y")
			.containsEntry("settings", Map.of("amplitude", "1,5"));
	}

	@Test
	void treatsEmptyCellsAsAbsentValues() {
		List<Map<String, Object>> rows = CsvRows.parse("name,unit,port\nx,,\n");
		assertThat(rows.get(0)).doesNotContainKey("unit").containsEntry("settings", Map.of());
	}

	@Test
	void rowsReadFromCsvValidateLikeJson() {
		List<Map<String, Object>> rows = CsvRows.parse("""
				name,dataType,protocol,host,port,registerType,address,enabled
				Line1.Temp,FLOAT32,MODBUS_TCP,10.0.0.5,502,HOLDING_REGISTER,100,false
				""");
		ChannelDraft draft = ChannelDraft.read(rows.get(0), null);
		assertThat(draft.enabled()).isFalse();
		assertThat(draft.settings().toMap()).containsEntry("port", 502).containsEntry("address", 100);
	}

	@Test
	void rejectsCsvWithoutANameColumn() {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> CsvRows.parse("dataType\nBOOL\n"));
	}

}
