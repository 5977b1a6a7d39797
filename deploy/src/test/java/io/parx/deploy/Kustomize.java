package io.parx.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of {@code kustomize build} ParX's kustomizations use, since the build cannot
 * assume the kustomize binary: resources (files and directories), {@code namespace},
 * {@code labels} (metadata only), {@code images} and {@code patches} by file as strategic
 * merge patches, where lists of objects with a {@code name} merge by name. A
 * kustomization using anything else is refused rather than rendered wrongly.
 */
final class Kustomize {

	private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
			"images", "patches");

	private Kustomize() {
	}

	/** The manifests the kustomization in {@code directory} renders. */
	static List<JsonNode> build(Path directory) {
		JsonNode kustomization = Yaml.document(directory.resolve("kustomization.yaml"));
		Set<String> unsupported = new TreeSet<>();
		kustomization.propertyNames().forEach(unsupported::add);
		unsupported.removeAll(SUPPORTED);
		if (!unsupported.isEmpty()) {
			throw new IllegalArgumentException(directory + ": fields this renderer does not know " + unsupported);
		}
		List<JsonNode> manifests = new ArrayList<>();
		for (JsonNode resource : kustomization.path("resources")) {
			Path path = directory.resolve(resource.asString()).normalize();
			manifests.addAll(Files.isDirectory(path) ? build(path) : Yaml.documents(path));
		}
		for (JsonNode patch : kustomization.path("patches")) {
			if (patch.size() != 1 || !patch.has("path")) {
				throw new IllegalArgumentException(directory + ": only patches by path are supported: " + patch);
			}
			for (JsonNode document : Yaml.documents(directory.resolve(patch.path("path").asString()))) {
				merge(target(manifests, document), document);
			}
		}
		for (JsonNode manifest : manifests) {
			ObjectNode metadata = (ObjectNode) manifest.path("metadata");
			for (JsonNode label : kustomization.path("labels")) {
				ObjectNode labels = metadata.has("labels") ? (ObjectNode) metadata.get("labels")
						: metadata.putObject("labels");
				label.path("pairs").properties().forEach((pair) -> labels.set(pair.getKey(), pair.getValue()));
			}
			if (kustomization.has("namespace") && !"Namespace".equals(manifest.path("kind").asString())) {
				metadata.put("namespace", kustomization.path("namespace").asString());
			}
			for (JsonNode container : manifest.path("spec").path("template").path("spec").path("containers")) {
				setImage((ObjectNode) container, kustomization.path("images"));
			}
		}
		return manifests;
	}

	private static JsonNode target(List<JsonNode> manifests, JsonNode patch) {
		return manifests.stream()
			.filter((manifest) -> manifest.path("kind").equals(patch.path("kind"))
					&& manifest.path("metadata").path("name").equals(patch.path("metadata").path("name")))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("the patch of " + patch.path("kind") + " "
					+ patch.path("metadata").path("name") + " matches no resource"));
	}

	/** Strategic merge as far as ParX's patches need it. */
	private static void merge(JsonNode target, JsonNode patch) {
		ObjectNode object = (ObjectNode) target;
		for (Map.Entry<String, JsonNode> field : patch.properties()) {
			JsonNode current = object.get(field.getKey());
			JsonNode value = field.getValue();
			if (current != null && current.isObject() && value.isObject()) {
				merge(current, value);
			}
			else if (current != null && current.isArray() && value.isArray() && byName(value)) {
				mergeByName((ArrayNode) current, value);
			}
			else {
				object.set(field.getKey(), value.deepCopy());
			}
		}
	}

	private static boolean byName(JsonNode list) {
		return !list.isEmpty() && list.get(0).isObject() && list.get(0).has("name");
	}

	private static void mergeByName(ArrayNode current, JsonNode patch) {
		for (JsonNode item : patch) {
			JsonNode existing = null;
			for (JsonNode candidate : current) {
				if (candidate.path("name").equals(item.path("name"))) {
					existing = candidate;
				}
			}
			if (existing != null) {
				merge(existing, item);
			}
			else {
				current.add(item.deepCopy());
			}
		}
	}

	private static void setImage(ObjectNode container, JsonNode images) {
		String image = container.path("image").asString();
		String name = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
		for (JsonNode rule : images) {
			if (rule.path("name").asString().equals(name)) {
				String newName = rule.has("newName") ? rule.path("newName").asString() : name;
				String tag = rule.has("newTag") ? rule.path("newTag").asString()
						: image.substring(name.length()).replaceFirst("^:", "");
				container.put("image", tag.isEmpty() ? newName : newName + ":" + tag);
			}
		}
	}

}
