package io.parx.common.config.alarm;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alarm's message with placeholders {@code {channel}} (the channel's name),
 * {@code {value}} (the value that raised or cleared it) and {@code {unit}}, e.g.
 * {@code "{channel} too hot: {value} {unit}"}. Unknown placeholders are refused when the
 * definition is saved, so a typo does not end up in every journal entry.
 */
public record MessageTemplate(String text) {

	public static final int MAX_LENGTH = 500;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private static final Set<String> NAMES = Set.of("channel", "value", "unit");

	/** Used when a definition sets no message (declared after the patterns it needs). */
	public static final MessageTemplate DEFAULT = new MessageTemplate("{channel}: {value} {unit}");

	public MessageTemplate {
		Objects.requireNonNull(text, "text");
		if (text.isBlank() || text.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("must be 1 to " + MAX_LENGTH + " characters");
		}
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			if (!NAMES.contains(m.group(1))) {
				throw new IllegalArgumentException(
						"unknown placeholder {" + m.group(1) + "}; use {channel}, {value} or {unit}");
			}
		}
	}

	/** The message with the placeholders filled in; {@code null} values become empty. */
	public String render(String channel, String value, String unit) {
		String rendered = this.text.replace("{channel}", Objects.toString(channel, ""))
			.replace("{value}", Objects.toString(value, ""))
			.replace("{unit}", Objects.toString(unit, ""));
		return rendered.strip();
	}

}
