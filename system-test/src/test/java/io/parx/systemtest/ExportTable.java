package io.parx.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A downloaded export of the analytics engine (CSV or the first sheet of an XLSX) as text
 * cells: a header and the rows under it.
 */
record ExportTable(List<String> header, List<List<String>> rows) {

	static ExportTable csv(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		// -1: an empty last cell (a value or quality left out) is still a cell
		List<List<String>> rows = lines.subList(1, lines.size())
			.stream()
			.map((line) -> List.of(line.split(",", -1)))
			.toList();
		return new ExportTable(List.of(lines.get(0).split(",")), rows);
	}

	static ExportTable xlsx(Path file) throws IOException {
		List<String> header = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add((row.getCell(i) != null) ? row.getCell(i).toString() : "");
				}
				if (row.getRowNum() == 0) {
					header.addAll(cells);
				}
				else {
					rows.add(cells);
				}
			}
		}
		return new ExportTable(header, rows);
	}

	/** The cells of a column, row by row. */
	List<String> column(String name) {
		int index = this.header.indexOf(name);
		return this.rows.stream().map((row) -> (index < row.size()) ? row.get(index) : "").toList();
	}

	/** Rows per series, as "channel 12" or "derived 3". */
	Map<String, Integer> rowsPerSeries() {
		List<String> series = column("series");
		List<String> ids = column("id");
		Map<String, Integer> counts = new TreeMap<>();
		for (int i = 0; i < series.size(); i++) {
			// an XLSX number reads as 12.0
			counts.merge(series.get(i) + " " + Math.round(Double.parseDouble(ids.get(i))), 1, Integer::sum);
		}
		return counts;
	}

}
