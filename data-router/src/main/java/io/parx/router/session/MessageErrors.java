package io.parx.router.session;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The text of a {@code BAD_MESSAGE} error for a client message Jackson cannot read: it
 * names the field and what it must hold, in the protocol's words, never a Java type or
 * class (docs/API.md, "Client messages").
 */
final class MessageErrors {

	/** What each field of {@link ClientMessage} must hold. */
	private static final Map<String, String> EXPECTED = Map.of("type", "a string", "id", "a string or a number",
			"channelIds", "a list of channel ids (integers)", "tags", "a list of strings", "maxRate", "a number",
			"token", "a string");

	private MessageErrors() {
	}

	static String describe(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + shorten(unknown.getPropertyName()) + "'";
		}
		String field = null;
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (field == null) {
					field = reference.getPropertyName();
				}
				path.append(path.isEmpty() ? "" : ".").append(shorten(reference.getPropertyName()));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (field != null) {
			String expected = EXPECTED.get(field);
			return "'" + path + "' has the wrong type" + ((expected != null) ? ": " + field + " is " + expected : "");
		}
		if (ex instanceof StreamReadException) {
			TokenStreamLocation location = ex.getLocation();
			return "not valid JSON" + ((location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "");
		}
		return "a message must be a JSON object with a type";
	}

	private static String shorten(String name) {
		return (name.length() > 40) ? name.substring(0, 40) + "..." : name;
	}

}
