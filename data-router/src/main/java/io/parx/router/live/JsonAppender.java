package io.parx.router.live;

/**
 * Just enough JSON writing for the router's server messages. Hand-written because every
 * sample is serialised once and then copied into many frames: a binding library would add
 * allocation on the hottest path.
 */
public final class JsonAppender {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonAppender() {
	}

	/** Appends {@code text} as a JSON string literal (RFC 8259 §7). */
	public static StringBuilder string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						out.append("\\u")
							.append(HEX[(c >> 12) & 0xF])
							.append(HEX[(c >> 8) & 0xF])
							.append(HEX[(c >> 4) & 0xF])
							.append(HEX[c & 0xF]);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"');
	}

	public static String quote(String text) {
		return string(new StringBuilder(text.length() + 2), text).toString();
	}

	/** Appends a JSON array of numbers. */
	public static StringBuilder longs(StringBuilder out, Iterable<Long> values) {
		out.append('[');
		boolean first = true;
		for (Long value : values) {
			if (!first) {
				out.append(',');
			}
			out.append(value.longValue());
			first = false;
		}
		return out.append(']');
	}

}
