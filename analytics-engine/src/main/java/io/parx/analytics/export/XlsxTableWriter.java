package io.parx.analytics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook: only the last 100 rows stay in memory, the rest
 * is flushed to a temporary file that {@link #close()} deletes. Times are Excel dates
 * (UTC) with millisecond format; a sheet holds at most 1,048,575 data rows, so larger
 * exports continue on further sheets.
 */
final class XlsxTableWriter implements TableWriter {

	private static final int MAX_ROWS = 1_048_575;

	private final OutputStream out;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);

	private final CellStyle timeStyle;

	private List<String> columns;

	private SXSSFSheet sheet;

	private int rowIndex;

	XlsxTableWriter(OutputStream out) {
		this.out = out;
		this.timeStyle = this.workbook.createCellStyle();
		this.timeStyle.setDataFormat(this.workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss.000"));
	}

	@Override
	public void header(List<String> columns) {
		this.columns = List.copyOf(columns);
		newSheet();
	}

	private void newSheet() {
		this.sheet = this.workbook.createSheet("data"
				+ ((this.workbook.getNumberOfSheets() > 0) ? " " + (this.workbook.getNumberOfSheets() + 1) : ""));
		Row header = this.sheet.createRow(0);
		for (int i = 0; i < this.columns.size(); i++) {
			header.createCell(i).setCellValue(this.columns.get(i));
		}
		this.rowIndex = 1;
	}

	@Override
	public void row(Object... cells) {
		if (this.rowIndex > MAX_ROWS) {
			newSheet();
		}
		Row row = this.sheet.createRow(this.rowIndex++);
		for (int i = 0; i < cells.length; i++) {
			Object cell = cells[i];
			switch (cell) {
				case null -> {
				}
				case Number number -> row.createCell(i).setCellValue(number.doubleValue());
				case Boolean bool -> row.createCell(i).setCellValue(bool);
				case Instant time -> {
					var timeCell = row.createCell(i);
					timeCell.setCellValue(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
					timeCell.setCellStyle(this.timeStyle);
				}
				default -> row.createCell(i).setCellValue(String.valueOf(cell));
			}
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.workbook.write(this.out);
			this.out.flush();
		}
		finally {
			this.workbook.close();
		}
	}

}
