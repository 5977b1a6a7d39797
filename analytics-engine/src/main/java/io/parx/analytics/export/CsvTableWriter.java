package io.parx.analytics.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV, UTF-8, comma-separated, quoted where needed. */
final class CsvTableWriter implements TableWriter {

	private final BufferedWriter out;

	CsvTableWriter(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
	}

	@Override
	public void header(List<String> columns) throws IOException {
		row(columns.toArray());
	}

	@Override
	public void row(Object... cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(escape(cells[i]));
		}
		this.out.write("\r\n");
	}

	static String escape(Object cell) {
		if (cell == null) {
			return "";
		}
		String text = String.valueOf(cell);
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	@Override
	public void close() throws IOException {
		this.out.flush();
	}

}
