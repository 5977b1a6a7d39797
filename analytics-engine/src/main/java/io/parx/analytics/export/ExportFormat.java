package io.parx.analytics.export;

import java.util.Locale;

import org.springframework.http.MediaType;

import io.parx.common.problem.Problems;

/** The export file formats. */
enum ExportFormat {

	CSV("csv", "text/csv;charset=UTF-8"), JSON("json", "application/json"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final String extension;

	private final MediaType mediaType;

	ExportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = MediaType.parseMediaType(mediaType);
	}

	String extension() {
		return this.extension;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	static ExportFormat parse(String value) {
		if (value == null || value.isBlank()) {
			return CSV;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.validation("format", "must be one of csv, json, xlsx");
		}
	}

}
