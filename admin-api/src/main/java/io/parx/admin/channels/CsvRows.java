package io.parx.admin.channels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.admin.request.ConfigProblems;

/**
 * Turns a CSV import (RFC 4180: comma separated, double-quoted fields may hold commas,
 * quotes and line breaks) into channel objects shaped like the JSON API: the channel's
 * own columns at the top, every other column ({@code host}, {@code nodeId}, optionally
 * written {@code settings.host}) in {@code settings}. Empty cells are absent values.
 */
final class CsvRows {

	private static final Set<String> CHANNEL_COLUMNS = Set.of("name", "description", "unit", "dataType", "scale",
			"offset", "pollIntervalMs", "enabled", "collector", "tags", "protocol", "version");

	private CsvRows() {
	}

	/**
	 * @throws org.springframework.web.ErrorResponseException 400 if the text is not CSV
	 * with a header row
	 */
	static List<Map<String, Object>> parse(String csv) {
		String firstLine = csv.lines().findFirst().orElse("");
		char separator = (firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0) ? ';' : ',';
		List<List<String>> records = records(csv, separator);
		if (records.isEmpty()) {
			throw ConfigProblems.invalid("body", "the CSV needs a header row, e.g. name,dataType,protocol,host,...");
		}
		List<String> header = records.get(0).stream().map(String::strip).toList();
		if (!header.contains("name")) {
			throw ConfigProblems.invalid("body", "the CSV header row needs a 'name' column");
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			List<String> cells = records.get(r);
			if (cells.size() == 1 && cells.get(0).isBlank()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			Map<String, Object> settings = new LinkedHashMap<>();
			for (int c = 0; c < header.size() && c < cells.size(); c++) {
				String column = header.get(c);
				String cell = cells.get(c);
				if (cell.isEmpty() || column.isEmpty()) {
					continue;
				}
				if (CHANNEL_COLUMNS.contains(column)) {
					row.put(column, cell);
				}
				else {
					settings.put(column.startsWith("settings.") ? column.substring(9) : column, cell);
				}
			}
			if (cells.size() > header.size()) {
				row.put("(extra column)", cells.get(header.size()));
			}
			row.put("settings", settings);
			rows.add(row);
		}
		return rows;
	}

	private static List<List<String>> records(String csv, char separator) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int i = csv.startsWith("\uFEFF") ? 1 : 0;
		for (; i < csv.length(); i++) {
			char ch = csv.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (ch == separator) {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(cell.toString());
				cell.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				cell.append(ch);
			}
		}
		if (quoted) {
			throw ConfigProblems.invalid("body", "the CSV ends inside a quoted field");
		}
		if (!cell.isEmpty() || !record.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

}
