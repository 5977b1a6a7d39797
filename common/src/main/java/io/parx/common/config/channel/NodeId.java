package io.parx.common.config.channel;

import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OPC UA node id in its string form (OPC UA Part 6 §5.3.1.10): {@code ns=<namespace>;}
 * (omitted for namespace 0) followed by {@code i=} numeric, {@code s=} string, {@code g=}
 * GUID or {@code b=} opaque (base64) identifier, e.g. {@code ns=2;s=Line1.Temp} or
 * {@code i=85}.
 *
 * @param namespace namespace index, 0 to 65535
 * @param kind the identifier type
 * @param identifier the identifier as written after the {@code =}
 */
public record NodeId(int namespace, Kind kind, String identifier) {

	private static final Pattern FORM = Pattern.compile("(?:ns=(\\d{1,5});)?([isgb])=(.*)", Pattern.DOTALL);

	/** Longest string identifier accepted (Part 3 §8.2.4 recommends at most 4096). */
	private static final int MAX_STRING = 4096;

	public NodeId {
		if (kind == null || identifier == null) {
			throw new IllegalArgumentException("node id is required");
		}
		if (namespace < 0 || namespace > 65535) {
			throw new IllegalArgumentException("namespace index must be between 0 and 65535");
		}
		switch (kind) {
			case NUMERIC -> {
				try {
					long value = Long.parseLong(identifier);
					if (value < 0 || value > 0xFFFF_FFFFL) {
						throw new IllegalArgumentException("numeric identifier must be between 0 and 4294967295");
					}
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("numeric identifier (i=) must be a whole number");
				}
			}
			case STRING -> {
				if (identifier.isEmpty() || identifier.length() > MAX_STRING) {
					throw new IllegalArgumentException(
							"string identifier (s=) must be 1 to " + MAX_STRING + " characters");
				}
			}
			case GUID -> {
				try {
					UUID.fromString(identifier);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(
							"GUID identifier (g=) must look like 09087e75-8e5e-499b-954f-f2a9603db28a");
				}
				if (identifier.length() != 36) {
					throw new IllegalArgumentException(
							"GUID identifier (g=) must look like 09087e75-8e5e-499b-954f-f2a9603db28a");
				}
			}
			case OPAQUE -> {
				try {
					if (identifier.isEmpty() || Base64.getDecoder().decode(identifier).length == 0) {
						throw new IllegalArgumentException("opaque identifier (b=) must not be empty");
					}
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("opaque identifier (b=) must be base64");
				}
			}
		}
	}

	/**
	 * Parses the string form.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static NodeId parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("node id is required");
		}
		Matcher m = FORM.matcher(text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException(
					"must be a node id like ns=2;s=Line1.Temp, i=85, ns=1;g=<guid> or ns=1;b=<base64>");
		}
		int namespace = (m.group(1) != null) ? Integer.parseInt(m.group(1)) : 0;
		return new NodeId(namespace, Kind.of(m.group(2).charAt(0)), m.group(3));
	}

	@Override
	public String toString() {
		return ((this.namespace != 0) ? "ns=" + this.namespace + ";" : "") + this.kind.letter + "=" + this.identifier;
	}

	/** Identifier types of Part 3 §8.2.3. */
	public enum Kind {

		NUMERIC('i'), STRING('s'), GUID('g'), OPAQUE('b');

		private final char letter;

		Kind(char letter) {
			this.letter = letter;
		}

		static Kind of(char letter) {
			for (Kind kind : values()) {
				if (kind.letter == letter) {
					return kind;
				}
			}
			throw new IllegalArgumentException("unknown identifier type " + letter);
		}

	}

}
