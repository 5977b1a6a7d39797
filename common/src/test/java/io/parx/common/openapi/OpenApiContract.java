package io.parx.common.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Holds real answers of a service against its own OpenAPI document, so that the document
 * (and the types the browser app generates from it) cannot drift from what the endpoints
 * send: the status must be documented for the operation, the media type too, and the body
 * must match the schema strictly: every required property present, no property the schema
 * does not declare (unless it allows additional ones), types, enums and formats as
 * documented. {@link #unchecked()} names the operations no answer was checked for.
 */
public final class OpenApiContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DATE_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final JsonNode document;

	private final Set<String> checked = new LinkedHashSet<>();

	private OpenApiContract(JsonNode document) {
		this.document = document;
	}

	/**
	 * @param document the body of {@code /v3/api-docs}
	 */
	public static OpenApiContract of(String document) {
		return new OpenApiContract(JSON.readTree(document));
	}

	/**
	 * Fails unless the answer is documented for the operation.
	 * @param method {@code GET}, {@code POST}, ...
	 * @param requestPath the path that was called, e.g. {@code /api/v1/dashboards/12}
	 * (without query)
	 * @param contentType the answer's {@code Content-Type}, {@code null} without body
	 */
	public void check(String method, String requestPath, int status, String contentType, String body) {
		String path = template(requestPath);
		String operationName = method.toUpperCase(Locale.ROOT) + " " + path;
		JsonNode operation = this.document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
		if (operation.isMissingNode()) {
			fail(operationName + " is not in the OpenAPI document");
		}
		JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
		if (response.isMissingNode()) {
			fail(operationName + " answered " + status + ", which its OpenAPI description does not list");
		}
		if (status / 100 == 2) {
			this.checked.add(operationName);
		}
		JsonNode content = response.path("content");
		if (body == null || body.isEmpty()) {
			if (!content.isMissingNode() && !content.isEmpty()) {
				fail(operationName + " " + status + " has no body, but the document describes one");
			}
			return;
		}
		String mediaType = (contentType != null) ? contentType.split(";")[0].strip() : "";
		JsonNode media = content.path(mediaType);
		if (media.isMissingNode()) {
			fail(operationName + " " + status + " answered " + mediaType + ", the document says "
					+ content.propertyNames());
		}
		if (!mediaType.endsWith("json")) {
			return; // CSV, spreadsheets: the media type is what the document can promise
		}
		List<String> violations = new ArrayList<>();
		validate("$", JSON.readTree(body), media.path("schema"), violations);
		if (!violations.isEmpty()) {
			fail(operationName + " " + status + " does not match its OpenAPI schema:\n  "
					+ String.join("\n  ", violations) + "\nbody: " + abbreviate(body));
		}
	}

	/** The operations of the document ({@code GET /path}) without a checked success. */
	/**
	 * Checks a value against one named schema of {@code components.schemas}.
	 * @throws AssertionError naming every violation
	 */
	public void checkSchema(String name, JsonNode value) {
		assertThat(this.document.path("components").path("schemas").has(name)).as("schema " + name).isTrue();
		List<String> violations = new ArrayList<>();
		validate(name, value, this.document.path("components").path("schemas").get(name), violations);
		assertThat(violations).as(name + " " + abbreviate(value.toString())).isEmpty();
	}

	public List<String> unchecked() {
		List<String> missing = new ArrayList<>();
		this.document.path("paths").properties().forEach((path) -> path.getValue().propertyNames().forEach((method) -> {
			String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
			if (!this.checked.contains(name)) {
				missing.add(name);
			}
		}));
		return missing;
	}

	/** The document's path template for a path; literal segments win over variables. */
	private String template(String requestPath) {
		String best = null;
		long bestVariables = Long.MAX_VALUE;
		for (String template : this.document.path("paths").propertyNames()) {
			Pattern pattern = Pattern
				.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", Matcher.quoteReplacement("\\E[^/]+\\Q")));
			long variables = template.chars().filter((c) -> c == '{').count();
			if (pattern.matcher(requestPath).matches() && variables < bestVariables) {
				best = template;
				bestVariables = variables;
			}
		}
		if (best == null) {
			fail(requestPath + " matches no path of the OpenAPI document");
		}
		return best;
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current.has("$ref")) {
			current = this.document.at(current.get("$ref").asString().substring(1));
		}
		return current;
	}

	private void validate(String at, JsonNode value, JsonNode schema, List<String> violations) {
		schema = resolve(schema);
		if (schema.isMissingNode() || schema.isEmpty()) {
			return;
		}
		if (schema.has("oneOf")) {
			List<String> all = new ArrayList<>();
			for (JsonNode alternative : schema.get("oneOf")) {
				List<String> one = new ArrayList<>();
				validate(at, value, alternative, one);
				if (one.isEmpty()) {
					return;
				}
				all.addAll(one);
			}
			violations.add(at + ": matches none of oneOf " + schema.get("oneOf") + ": " + all);
			return;
		}
		if (!typeMatches(value, schema.path("type"))) {
			violations.add(at + ": " + kind(value) + " where the schema says " + schema.path("type"));
			return;
		}
		if (value.isNull()) {
			return;
		}
		if (schema.has("enum") && !contains(schema.get("enum"), value)) {
			violations.add(at + ": " + value + " is not one of " + schema.get("enum"));
		}
		String format = schema.path("format").asString("");
		if (value.isString() && format.equals("date-time") && !DATE_TIME.matcher(value.asString()).matches()) {
			violations.add(at + ": " + value + " is not a date-time");
		}
		if (value.isString() && format.equals("uuid") && !UUID.matcher(value.asString()).matches()) {
			violations.add(at + ": " + value + " is not a uuid");
		}
		if (value.isObject()) {
			JsonNode properties = schema.path("properties");
			for (JsonNode required : schema.path("required")) {
				if (!value.has(required.asString())) {
					violations.add(at + ": required property " + required.asString() + " is missing");
				}
			}
			JsonNode additional = schema.path("additionalProperties");
			value.properties().forEach((property) -> {
				String child = at + "." + property.getKey();
				if (properties.has(property.getKey())) {
					validate(child, property.getValue(), properties.get(property.getKey()), violations);
				}
				else if (additional.isMissingNode() || additional.isBoolean() && !additional.asBoolean()) {
					violations.add(child + ": not declared by the schema");
				}
				else if (additional.isObject()) {
					validate(child, property.getValue(), additional, violations);
				}
			});
		}
		if (value.isArray()) {
			Iterator<JsonNode> items = value.iterator();
			for (int i = 0; items.hasNext(); i++) {
				validate(at + "[" + i + "]", items.next(), schema.path("items"), violations);
			}
		}
	}

	private static boolean typeMatches(JsonNode value, JsonNode type) {
		if (type.isMissingNode()) {
			return true;
		}
		if (type.isArray()) {
			for (JsonNode one : type) {
				if (typeMatches(value, one)) {
					return true;
				}
			}
			return false;
		}
		return switch (type.asString()) {
			case "null" -> value.isNull();
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "boolean" -> value.isBoolean();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			default -> false;
		};
	}

	private static boolean contains(JsonNode values, JsonNode value) {
		for (JsonNode candidate : values) {
			if (candidate.equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static String kind(JsonNode value) {
		return value.isNull() ? "null"
				: value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + abbreviate(value.toString());
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 297) + "..." : text;
	}

}
