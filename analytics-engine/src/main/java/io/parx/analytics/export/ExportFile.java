package io.parx.analytics.export;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * An export answer: an attachment whose table is written row by row while the response
 * streams, so a large export never sits whole in memory.
 */
final class ExportFile {

	/** Times in file names: {@code 20260328T000000Z}. */
	static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private ExportFile() {
	}

	/** Writes the table of an export. */
	@FunctionalInterface
	interface Body {

		void write(TableWriter writer) throws IOException;

	}

	/** The attachment {@code <name>.<extension>} in the format, written by the body. */
	static ResponseEntity<StreamingResponseBody> of(ExportFormat format, String name, Body body) {
		StreamingResponseBody stream = (out) -> {
			try (TableWriter writer = TableWriter.of(format, out)) {
				body.write(writer);
			}
		};
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + "." + format.extension()).build().toString())
			.body(stream);
	}

	/** Carries an IOException out of a row callback, which cannot throw it. */
	static final class Rows {

		private final TableWriter writer;

		private IOException failure;

		Rows(TableWriter writer) {
			this.writer = writer;
		}

		void row(Object... cells) {
			if (this.failure != null) {
				return;
			}
			try {
				this.writer.row(cells);
			}
			catch (IOException ex) {
				this.failure = ex;
			}
		}

		void rethrow() throws IOException {
			if (this.failure != null) {
				throw this.failure;
			}
		}

	}

}
