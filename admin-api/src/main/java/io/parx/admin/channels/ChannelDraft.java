package io.parx.admin.channels;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.parx.admin.request.Violations;
import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.channel.ChannelSettings;
import io.parx.common.config.channel.Protocol;

/**
 * A validated channel as sent by a client, before it is stored.
 */
record ChannelDraft(String name, String description, String unit, DataType dataType, double scale, double offset,
		int pollIntervalMs, boolean enabled, String collector, List<String> tags, ChannelSettings settings,
		Long version) {

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.:/\\- ]+");

	/**
	 * Reads a JSON object (or a CSV row) and names every bad field.
	 * @param stored the channel being updated, for its secrets; {@code null} on create
	 * @return the draft, never {@code null}
	 * @throws org.springframework.web.ErrorResponseException 400 naming every bad field
	 */
	static ChannelDraft read(Map<String, ?> body, Channel stored) {
		Violations violations = new Violations();
		ChannelDraft draft = read(body, stored, violations);
		violations.throwIfAny();
		return draft;
	}

	/**
	 * As {@link #read(Map, Channel)}, recording into {@code violations}; {@code null} if
	 * any.
	 */
	static ChannelDraft read(Map<String, ?> body, Channel stored, Violations violations) {
		SettingsReader f = violations.reader(body, "");
		String name = f.string("name", true, 200);
		if (name != null && (!NAME.matcher(name).matches() || !name.equals(name.strip()))) {
			f.reject("name",
					"may contain letters, digits, space and _ . : / - only, without leading or trailing space");
			name = null;
		}
		String description = f.string("description", "", 2000);
		String unit = f.string("unit", "", 50);
		DataType dataType = f.choice("dataType", DataType.class, null);
		Double scale = f.number("scale", 1.0, -Double.MAX_VALUE, Double.MAX_VALUE);
		if (scale != null && scale == 0) {
			f.reject("scale", "must not be 0");
		}
		Double offset = f.number("offset", 0.0, -Double.MAX_VALUE, Double.MAX_VALUE);
		if (dataType != null && !dataType.isNumeric()
				&& ((scale != null && scale != 1) || (offset != null && offset != 0))) {
			f.reject(scale != null && scale != 1 ? "scale" : "offset", "applies only to numeric data types");
		}
		Integer pollIntervalMs = f.integer("pollIntervalMs", 1000, 10, 86_400_000);
		Boolean enabled = f.bool("enabled", true);
		String collector = f.string("collector", false, 100);
		List<String> tags = f.strings("tags", 50, 100);
		Protocol protocol = f.choice("protocol", Protocol.class, null);
		Long version = f.optionalLong("version", 0, Long.MAX_VALUE);
		ChannelSettings settings = null;
		Map<String, Object> settingsBody = f.object("settings", protocol != null);
		if (protocol != null && settingsBody != null) {
			Map<String, Object> storedSettings = (stored != null && stored.protocol() == protocol) ? stored.settings()
					: Map.of();
			settings = ChannelSettings.read(protocol, dataType,
					violations.reader(ChannelSecrets.withStoredSecrets(settingsBody, storedSettings), "settings."));
		}
		f.rejectUnknown(java.util.Set.of("id", "createdAt", "updatedAt"));
		if (!violations.isEmpty()) {
			return null;
		}
		return new ChannelDraft(name, description, unit, dataType, scale, offset, pollIntervalMs, enabled,
				(collector == null || collector.isBlank()) ? null : collector.strip(), tags, settings, version);
	}

}
