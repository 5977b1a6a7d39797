package io.parx.common.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.fail;

/**
 * Hostile requests generated from a service's OpenAPI document, not written per endpoint
 * (issue #17): for every operation, every path and query parameter and every field of its
 * JSON body (nested objects and array items included), NUL and control characters, a 1 MB
 * and a 100 KB string (4 KB in URLs, which Tomcat bounds at 8 KB), values of the wrong
 * JSON type, huge, negative and fractional numbers, unknown enum constants and dates, and
 * for the body as a whole unknown fields, malformed JSON, the wrong top-level type, no
 * body and an oversized one. Sent over HTTP to the running service, each answer must be a
 * non-5xx; any error must be {@code application/problem+json} of at most
 * {@value #MAX_ERROR_BODY} bytes, and every answer must come within
 * {@link #MAX_DURATION}.
 */
public final class HostileInputSuite {

	/** The largest error body allowed: an error never echoes the input at length. */
	public static final int MAX_ERROR_BODY = 4096;

	public static final Duration MAX_DURATION = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String MEGABYTE = "x".repeat(1024 * 1024);

	private static final String LONG_URL_VALUE = "x".repeat(4000);

	private final URI base;

	private final JsonNode document;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final Map<String, String> pathValues = new LinkedHashMap<>();

	private Predicate<String> skip = (operation) -> false;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> failures = new ArrayList<>();

	private int requests;

	private HostileInputSuite(URI base, String document) {
		this.base = base;
		this.document = JSON.readTree(document);
	}

	/**
	 * @param base the service, e.g. {@code http://localhost:3000}
	 * @param document its {@code /v3/api-docs}
	 */
	public static HostileInputSuite against(URI base, String document) {
		return new HostileInputSuite(base, document);
	}

	/** A header sent with every request, e.g. {@code Authorization}. */
	public HostileInputSuite header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * The value of a path variable in requests that do not attack it (default 999999 or
	 * "x").
	 */
	public HostileInputSuite pathValue(String name, String value) {
		this.pathValues.put(name, value);
		return this;
	}

	/** Operations ({@code POST /api/v1/auth/logout}) not to send anything to. */
	public HostileInputSuite skip(Predicate<String> operations) {
		this.skip = operations;
		return this;
	}

	/**
	 * Sends every request and fails listing the wrong answers.
	 * @return the number of requests sent
	 */
	public int run() {
		serviceWide();
		this.document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			String name = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
			if (!this.skip.test(name) && method.getValue().isObject()) {
				operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue());
			}
		}));
		if (!this.failures.isEmpty()) {
			fail(this.failures.size() + " of " + this.requests + " hostile requests were answered wrongly:\n  "
					+ String.join("\n  ", this.failures.subList(0, Math.min(40, this.failures.size()))));
		}
		return this.requests;
	}

	/**
	 * What every service must answer alike, whatever its operations: an encoded slash and
	 * a NUL in a path (Tomcat's own errors), a path that does not exist, an unsupported
	 * method, and an oversized or control-character body on a path that takes none.
	 */
	private void serviceWide() {
		Map<String, String> none = Map.of();
		send("GET", "/api/v1/a%2Fb", none, null, null, "an encoded slash in the path");
		send("GET", "/api/v1/a%00b", none, null, null, "a NUL in the path");
		send("GET", "/api/v1/hostile-nowhere", none, null, null, "a path that does not exist");
		send("TRACE", "/api/v1/hostile-nowhere", none, null, null, "TRACE");
		send("POST", "/api/v1/hostile-nowhere", none, "application/json", "[" + "0,".repeat(1024 * 1024) + "0]",
				"a 2 MB body on a path that does not exist");
		send("GET", "/api/v1/hostile-nowhere?q=a%00b", none, null, null, "a NUL in a query parameter");
	}

	private void operation(String method, String template, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach((parameter) -> parameters.add(resolve(parameter)));
		Map<String, String> query = new LinkedHashMap<>();
		for (JsonNode parameter : parameters) {
			if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean()) {
				query.put(parameter.path("name").asString(), sampleText(resolve(parameter.path("schema"))));
			}
		}
		JsonNode content = resolve(operation.path("requestBody")).path("content");
		String mediaType = content.propertyNames().stream().findFirst().orElse(null);
		JsonNode bodySchema = (mediaType != null) ? content.path(mediaType).path("schema") : null;
		String baselineBody = (mediaType == null) ? null
				: mediaType.contains("json") ? JSON.writeValueAsString(sample(bodySchema, 0)) : "a,b\n1,2\n";
		for (JsonNode parameter : parameters) {
			String in = parameter.path("in").asString();
			String name = parameter.path("name").asString();
			JsonNode schema = resolve(parameter.path("schema"));
			for (String value : urlValues(schema, in.equals("path"))) {
				if (in.equals("path")) {
					send(method, path(template, name, value), query, mediaType, baselineBody,
							in + " " + name + "=" + abbreviate(value));
				}
				else if (in.equals("query")) {
					Map<String, String> hostile = new LinkedHashMap<>(query);
					hostile.put(name, value);
					send(method, path(template, null, null), hostile, mediaType, baselineBody,
							in + " " + name + "=" + abbreviate(value));
				}
			}
		}
		if (mediaType == null) {
			return;
		}
		String path = path(template, null, null);
		if (mediaType.contains("json")) {
			JsonNode baseline = sample(bodySchema, 0);
			for (Map.Entry<String, JsonNode> variant : bodyVariants(baseline, bodySchema, "", 0).entrySet()) {
				send(method, path, query, mediaType, JSON.writeValueAsString(variant.getValue()),
						"body " + variant.getKey());
			}
			if (baseline instanceof ObjectNode object) {
				ObjectNode unknown = object.deepCopy();
				unknown.put("hostileUnknownField", 1);
				send(method, path, query, mediaType, JSON.writeValueAsString(unknown), "body with an unknown field");
			}
			send(method, path, query, mediaType, "{\"a\": [1, ", "malformed JSON body");
			send(method, path, query, mediaType, "\"" + "a" + "\"", "a string as the body");
			send(method, path, query, mediaType, "", "an empty body");
		}
		else {
			send(method, path, query, mediaType, "a,b\n\u0000,\u0001\n", "body with NUL");
		}
		send(method, path, query, mediaType, "[" + "0,".repeat(1024 * 1024) + "0]", "a 2 MB body");
	}

	/** The body with one field at a time replaced by each hostile value, by JSON path. */
	private Map<String, JsonNode> bodyVariants(JsonNode baseline, JsonNode schema, String at, int depth) {
		Map<String, JsonNode> variants = new LinkedHashMap<>();
		JsonNode resolved = merged(schema);
		if (depth > 4 || resolved == null) {
			return variants;
		}
		for (JsonNode value : jsonValues(resolved)) {
			variants.put((at.isEmpty() ? "$" : at) + "=" + abbreviate(value.toString()), value);
		}
		if (baseline instanceof ObjectNode object) {
			resolved.path("properties").properties().forEach((property) -> {
				String name = property.getKey();
				JsonNode child = object.has(name) ? object.get(name) : sample(property.getValue(), depth + 1);
				bodyVariants(child, property.getValue(), at.isEmpty() ? name : at + "." + name, depth + 1)
					.forEach((where, value) -> {
						ObjectNode copy = object.deepCopy();
						copy.set(name, value);
						variants.put(where, copy);
					});
			});
		}
		if (baseline instanceof ArrayNode array && !resolved.path("items").isMissingNode()) {
			JsonNode item = (array.isEmpty()) ? sample(resolved.path("items"), depth + 1) : array.get(0);
			bodyVariants(item, resolved.path("items"), at + "[0]", depth + 1).forEach((where, value) -> {
				ArrayNode copy = NODES.arrayNode();
				copy.add(value);
				variants.put(where, copy);
			});
		}
		return variants;
	}

	private List<JsonNode> jsonValues(JsonNode schema) {
		List<JsonNode> values = new ArrayList<>();
		switch (type(schema)) {
			case "string" -> {
				values.add(NODES.stringNode("a\u0000b"));
				values.add(NODES.stringNode("a\u0001\u001bb"));
				values.add(NODES.stringNode(MEGABYTE));
				// under the request size limit, so the field's own length check must
				// answer
				values.add(NODES.stringNode(MEGABYTE.substring(0, 100_000)));
				values.add(NODES.objectNode());
				if (schema.has("enum") || schema.has("format")) {
					values.add(NODES.stringNode("HACK"));
				}
			}
			case "integer", "number" -> {
				values.add(NODES.stringNode("abc"));
				values.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")));
				values.add(NODES.numberNode(-99999999999L));
				values.add(NODES.numberNode(-1));
				values.add(NODES.numberNode(1.5e300));
			}
			case "boolean" -> values.add(NODES.stringNode("maybe"));
			case "array" -> values.add(NODES.objectNode());
			case "object" -> {
				values.add(NODES.stringNode("a\u0000b"));
				values.add(NODES.arrayNode());
			}
			default -> values.add(NODES.stringNode("a\u0000b"));
		}
		return values;
	}

	private List<String> urlValues(JsonNode schema, boolean inPath) {
		List<String> values = new ArrayList<>(
				List.of("a%00b", "a%01b", "-1", "99999999999999999999999999", "1.5", "HACK", "abc"));
		values.add(inPath ? LONG_URL_VALUE.substring(0, 1000) : LONG_URL_VALUE);
		if (inPath) {
			values.add("a%2Fb");
		}
		return values;
	}

	/**
	 * A plausible value for a schema: required properties and all others, one array item.
	 */
	private JsonNode sample(JsonNode schema, int depth) {
		JsonNode resolved = merged(schema);
		if (resolved == null || depth > 6) {
			return NODES.nullNode();
		}
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		if (resolved.has("example")) {
			return resolved.get("example");
		}
		return switch (type(resolved)) {
			case "string" -> NODES.stringNode(sampleText(resolved));
			case "integer" -> NODES.numberNode(1);
			case "number" -> NODES.numberNode(1.0);
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				array.add(sample(resolved.path("items"), depth + 1));
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				resolved.path("properties")
					.properties()
					.forEach((property) -> object.set(property.getKey(), sample(property.getValue(), depth + 1)));
				yield object;
			}
		};
	}

	private static String sampleText(JsonNode schema) {
		if (schema.has("enum")) {
			return schema.get("enum").get(0).asString();
		}
		return switch (schema.path("format").asString("")) {
			case "date-time" -> "2026-01-01T00:00:00Z";
			case "int32", "int64" -> "1";
			default -> "integer".equals(type(schema)) ? "1" : "hostile";
		};
	}

	private JsonNode merged(JsonNode schema) {
		JsonNode resolved = resolve(schema);
		if (resolved.isMissingNode()) {
			return null;
		}
		if (resolved.has("oneOf") || resolved.has("anyOf")) {
			return merged(resolved.has("oneOf") ? resolved.get("oneOf").get(0) : resolved.get("anyOf").get(0));
		}
		if (resolved.has("allOf")) {
			ObjectNode all = NODES.objectNode();
			ObjectNode properties = all.putObject("properties");
			all.put("type", "object");
			for (JsonNode part : resolved.get("allOf")) {
				JsonNode one = merged(part);
				if (one != null) {
					one.path("properties").properties().forEach((p) -> properties.set(p.getKey(), p.getValue()));
				}
			}
			return all;
		}
		return resolved;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (Iterator<JsonNode> types = type.iterator(); types.hasNext();) {
				String one = types.next().asString();
				if (!one.equals("null")) {
					return one;
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : "";
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current != null && current.has("$ref")) {
			current = this.document.at(current.get("$ref").asString().substring(1));
		}
		return (current == null) ? NODES.missingNode() : current;
	}

	private String path(String template, String hostileName, String hostileValue) {
		String path = template;
		for (int start = path.indexOf('{'); start >= 0; start = path.indexOf('{')) {
			int end = path.indexOf('}', start);
			String name = path.substring(start + 1, end);
			String value = name.equals(hostileName) ? hostileValue
					: URLEncoder.encode(this.pathValues.getOrDefault(name, "999999"), StandardCharsets.UTF_8);
			path = path.substring(0, start) + value + path.substring(end + 1);
		}
		return path;
	}

	private void send(String method, String path, Map<String, String> query, String mediaType, String body,
			String what) {
		StringBuilder uri = new StringBuilder(this.base.toString()).append(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			String value = parameter.getValue();
			boolean raw = value.contains("%");
			uri.append(separator)
				.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(raw ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
			separator = '&';
		}
		String operation = method + " " + path + " (" + what + ")";
		this.requests++;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
				.timeout(MAX_DURATION.plusSeconds(5));
			this.headers.forEach(request::header);
			if (body != null && mediaType != null) {
				request.header("Content-Type", mediaType);
				request.method(method, HttpRequest.BodyPublishers.ofString(body));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			long started = System.nanoTime();
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			check(operation, response, took);
		}
		catch (Exception ex) {
			this.failures.add(operation + ": " + ex);
		}
	}

	private void check(String operation, HttpResponse<byte[]> response, Duration took) {
		int status = response.statusCode();
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		if (took.compareTo(MAX_DURATION) > 0) {
			this.failures.add(operation + ": took " + took.toMillis() + " ms");
		}
		if (status >= 500) {
			this.failures.add(operation + ": " + status + " " + abbreviate(new String(response.body())));
		}
		else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
			this.failures.add(operation + ": " + status + " as '" + contentType + "' "
					+ abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
		}
		if (status >= 400 && response.body().length > MAX_ERROR_BODY) {
			this.failures
				.add(operation + ": " + status + " with an error body of " + response.body().length + " bytes");
		}
	}

	private static String abbreviate(String text) {
		String printable = TextRules.prefix(text);
		return (printable.length() > 120) ? printable.substring(0, 117) + "..." : printable;
	}

}
