package io.parx.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/** The ParX services of docker-compose.yml: those built from the root Dockerfile. */
final class ComposeFile {

	static final Path PATH = Path.of("../docker-compose.yml");

	private ComposeFile() {
	}

	/** Each ParX service's name and HTTP port (its build arguments SERVICE and PORT). */
	static Map<String, Integer> parxServices() {
		Map<String, Integer> services = new TreeMap<>();
		Yaml.document(PATH).path("services").properties().forEach((service) -> {
			JsonNode args = service.getValue().path("build").path("args");
			if (args.has("SERVICE")) {
				services.put(args.path("SERVICE").asString(), Integer.parseInt(args.path("PORT").asString()));
			}
		});
		return services;
	}

	static JsonNode service(String name) {
		return Yaml.document(PATH).path("services").path(name);
	}

}
