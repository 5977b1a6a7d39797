package io.parx.analytics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON array of objects keyed by column, written with Jackson's streaming generator.
 */
final class JsonTableWriter implements TableWriter {

	private final JsonGenerator generator;

	private List<String> columns;

	JsonTableWriter(OutputStream out) {
		this.generator = new JsonFactory().createGenerator(out);
		this.generator.writeStartArray();
	}

	@Override
	public void header(List<String> columns) {
		this.columns = List.copyOf(columns);
	}

	@Override
	public void row(Object... cells) {
		this.generator.writeStartObject();
		for (int i = 0; i < cells.length; i++) {
			this.generator.writeName(this.columns.get(i));
			Object cell = cells[i];
			switch (cell) {
				case null -> this.generator.writeNull();
				case Double number -> this.generator.writeNumber(number);
				case Long number -> this.generator.writeNumber(number);
				case Integer number -> this.generator.writeNumber(number);
				case Boolean bool -> this.generator.writeBoolean(bool);
				case Instant time -> this.generator.writeString(time.toString());
				default -> this.generator.writeString(String.valueOf(cell));
			}
		}
		this.generator.writeEndObject();
	}

	@Override
	public void close() throws IOException {
		this.generator.writeEndArray();
		this.generator.close();
	}

}
