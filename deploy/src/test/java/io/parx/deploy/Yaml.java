package io.parx.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the deployment files (YAML, several documents per file, and JSON) as trees. */
final class Yaml {

	static final YAMLMapper MAPPER = YAMLMapper.builder().build();

	private Yaml() {
	}

	/** Every non-empty document of a file. */
	static List<JsonNode> documents(Path file) {
		try (MappingIterator<JsonNode> documents = MAPPER.readerFor(JsonNode.class)
			.readValues(Files.readString(file))) {
			List<JsonNode> result = new ArrayList<>();
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					result.add(document);
				}
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The one document of a file (JSON is YAML). */
	static JsonNode document(Path file) {
		List<JsonNode> documents = documents(file);
		if (documents.size() != 1) {
			throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, not one");
		}
		return documents.get(0);
	}

}
