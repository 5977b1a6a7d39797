package io.parx.analytics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table row by row to a stream, never holding it whole: CSV, JSON (an array of
 * objects) or XLSX (Apache POI's streaming workbook).
 */
interface TableWriter extends AutoCloseable {

	void header(List<String> columns) throws IOException;

	/** One row; cells are String, Number, Boolean, java.time.Instant or null. */
	void row(Object... cells) throws IOException;

	@Override
	void close() throws IOException;

	static TableWriter of(ExportFormat format, OutputStream out) {
		return switch (format) {
			case CSV -> new CsvTableWriter(out);
			case JSON -> new JsonTableWriter(out);
			case XLSX -> new XlsxTableWriter(out);
		};
	}

}
