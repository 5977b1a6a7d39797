package io.parx.common.web;

import java.util.Map;

/**
 * Problem details written by hand, for the places that answer before Spring MVC (a
 * servlet filter, Tomcat's error report, the security filters, the WebSocket handshake):
 * no object mapper needed there.
 */
public final class ProblemJson {

	static final String MEDIA_TYPE = "application/problem+json";

	/** The longest part of a request path an {@code instance} repeats. */
	private static final int MAX_INSTANCE_LENGTH = 200;

	private ProblemJson() {
	}

	/** A problem without field errors. */
	static String of(int status, String type, String title, String detail) {
		return of(status, type, title, detail, null);
	}

	/**
	 * A problem without field errors about the request to {@code path} (its
	 * {@code instance}, cut to a short prefix: the path is the caller's input), or none.
	 */
	public static String of(int status, String type, String title, String detail, String path) {
		String instance = (path == null) ? "" : ",\"instance\":"
				+ quote((path.length() > MAX_INSTANCE_LENGTH) ? path.substring(0, MAX_INSTANCE_LENGTH) : path);
		return "{\"type\":" + quote(type) + ",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":"
				+ quote(detail) + instance + "}";
	}

	/** A 400 {@code /problems/validation} naming one field. */
	static String invalid(String field, String message) {
		Map<String, String> error = InvalidInputException.fieldError(field, message);
		return "{\"type\":" + quote(InvalidInputException.VALIDATION.toString()) + ",\"title\":\"Invalid input\","
				+ "\"status\":400,\"detail\":" + quote(field + " " + message) + ",\"errors\":[{\"field\":"
				+ quote(error.get("field")) + ",\"message\":" + quote(error.get("message")) + "}]}";
	}

	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x7F || c == '<' || c == '>') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
