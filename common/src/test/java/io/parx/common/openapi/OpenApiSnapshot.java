package io.parx.common.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.fail;

/**
 * A service's OpenAPI document as committed for the browser app, which generates its REST
 * types from {@code web/frontend/openapi/<service>.json} ({@code npm run api-types}). A
 * test of each service fetches {@code /v3/api-docs} and calls {@link #check}: the served
 * document must equal the snapshot as JSON (key order and formatting aside, without
 * {@code servers}, which depend on where the service runs). With
 * {@code -Dparx.openapi.update=true} the check writes the snapshot instead.
 */
public final class OpenApiSnapshot {

	/** The system property that makes {@link #check} write the snapshot. */
	public static final String UPDATE_PROPERTY = "parx.openapi.update";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_LISTED_DIFFERENCES = 25;

	private OpenApiSnapshot() {
	}

	/**
	 * Compares the served document with the snapshot, or writes the snapshot when
	 * {@value #UPDATE_PROPERTY} is {@code true}.
	 * @param served the body of {@code /v3/api-docs}
	 * @param snapshot the committed file, e.g.
	 * {@code ../web/frontend/openapi/admin-api.json}
	 * @param module the Maven module serving the document, for the refresh command
	 */
	public static void check(String served, Path snapshot, String module) {
		JsonNode document = withoutServers(JSON.readTree(served));
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			write(document, snapshot);
			return;
		}
		String refresh = "If the change is intended, refresh the snapshot with\n  ./mvnw -pl " + module
				+ " -am test -Dtest=OpenApiDocumentTests -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY
				+ "=true\nand commit it (the web build regenerates its types from it: `npm run api-types` in web/frontend).";
		if (!Files.isRegularFile(snapshot)) {
			fail("There is no OpenAPI snapshot at " + snapshot.toAbsolutePath().normalize() + ".\n" + refresh);
		}
		JsonNode committed = withoutServers(read(snapshot));
		if (!document.equals(committed)) {
			List<String> differences = new ArrayList<>();
			differences("", committed, document, differences);
			fail("The OpenAPI document of " + module + " differs from " + snapshot.toAbsolutePath().normalize()
					+ ", from which the web app generates its types (snapshot -> served):\n  "
					+ String.join("\n  ", differences) + "\n" + refresh);
		}
	}

	private static JsonNode withoutServers(JsonNode document) {
		if (document instanceof ObjectNode object) {
			object.remove("servers");
		}
		return document;
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(JsonNode document, Path file) {
		// as JSON.stringify(document, null, 2) writes it
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
			.withSeparators(Separators.createDefaultInstance()
				.withObjectNameValueSpacing(Separators.Spacing.AFTER)
				.withObjectEmptySeparator("")
				.withArrayEmptySeparator(""))
			.withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n"));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, JSON.writer().with(printer).writeValueAsString(document) + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** JSON pointers where the two documents differ, as "pointer: was → is". */
	private static void differences(String pointer, JsonNode was, JsonNode is, List<String> out) {
		if (out.size() >= MAX_LISTED_DIFFERENCES || was.equals(is)) {
			return;
		}
		if (was.isObject() && is.isObject()) {
			Set<String> names = new LinkedHashSet<>();
			was.propertyNames().forEach(names::add);
			is.propertyNames().forEach(names::add);
			for (String name : names) {
				String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
				if (!was.has(name)) {
					out.add(child + ": added");
				}
				else if (!is.has(name)) {
					out.add(child + ": removed");
				}
				else {
					differences(child, was.get(name), is.get(name), out);
				}
			}
			return;
		}
		if (was.isArray() && is.isArray() && was.size() == is.size()) {
			Iterator<JsonNode> a = was.iterator();
			Iterator<JsonNode> b = is.iterator();
			for (int i = 0; a.hasNext(); i++) {
				differences(pointer + "/" + i, a.next(), b.next(), out);
			}
			return;
		}
		out.add(pointer + ": " + abbreviate(was) + " -> " + abbreviate(is));
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return (text.length() > 120) ? text.substring(0, 117) + "..." : text;
	}

}
