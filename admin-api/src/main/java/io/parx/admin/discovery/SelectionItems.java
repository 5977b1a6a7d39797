package io.parx.admin.discovery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.channel.Protocol;

/**
 * What every kind of {@link ChannelSelection} reads the same way: the shared
 * {@code settings} (without the fields each item sets), the shared {@code channel}
 * fields, the list of items, and the channel names made valid and unique within the
 * selection. Each protocol says only how one item becomes a channel ({@link Item}).
 */
final class SelectionItems {

	/** Channel fields an item sets itself, or the selection does. */
	private static final Set<String> PER_ITEM_FIELDS = Set.of("name", "dataType", "protocol", "settings", "id",
			"version");

	private static final int MAX_NAME = 200;

	private SelectionItems() {
	}

	/**
	 * One item's part of its channel.
	 *
	 * @param name the channel's name before it is made valid and unique
	 * @param dataType the channel's data type
	 * @param settings the settings the item adds to the shared ones
	 */
	record ItemChannel(String name, DataType dataType, Map<String, Object> settings) {

	}

	/** How one protocol reads an item. */
	interface Item {

		/**
		 * @param item the item's fields, problems named {@code items[i].<field>}
		 * @return the item's part of its channel, or {@code null} when a field was
		 * rejected
		 */
		ItemChannel read(SettingsReader item);

	}

	/**
	 * Reads a selection's {@code settings}, {@code channel} and {@code items} and makes a
	 * channel row of every item.
	 * @param perItemSettings settings fields each item sets, refused in the shared
	 * settings
	 * @param listing fields of the discovery's listing an item may carry, ignored
	 * @return the rows, or {@code null} when anything was rejected
	 */
	static List<Map<String, Object>> rows(Protocol protocol, SettingsReader f, Violations violations,
			Set<String> perItemSettings, Set<String> listing, Item reading) {
		Map<String, Object> settings = f.object("settings", true);
		Map<String, Object> channel = f.object("channel", false);
		Object items = f.raw("items");
		f.rejectUnknown();
		if (settings != null) {
			// a form's empty field is no setting; one with a value would be every item's
			settings.entrySet()
				.removeIf((setting) -> perItemSettings.contains(setting.getKey())
						&& (setting.getValue() == null || "".equals(setting.getValue())));
			perItemSettings.stream()
				.sorted()
				.filter(settings::containsKey)
				.forEach((field) -> violations.add("settings." + field, "is set per item"));
		}
		if (channel != null) {
			PER_ITEM_FIELDS.stream()
				.sorted()
				.filter(channel::containsKey)
				.forEach((field) -> violations.add("channel." + field, "is set per item or by the selection"));
		}
		if (!(items instanceof List<?> list) || list.isEmpty() || list.size() > ChannelSelection.MAX_ITEMS) {
			violations.add("items", "must be a list of 1 to " + ChannelSelection.MAX_ITEMS + " items");
			return null;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof Map<?, ?> map)) {
				violations.add("items[" + i + "]", "must be an object");
				continue;
			}
			@SuppressWarnings("unchecked")
			SettingsReader item = violations.reader((Map<String, Object>) map, "items[" + i + "].");
			ItemChannel part = reading.read(item);
			item.rejectUnknown(listing);
			if (part != null) {
				Map<String, Object> row = new LinkedHashMap<>();
				if (channel != null) {
					row.putAll(channel);
				}
				row.put("name", unique(validName(part.name()), names));
				row.put("dataType", part.dataType().name());
				row.put("protocol", protocol.name());
				Map<String, Object> rowSettings = new LinkedHashMap<>((settings != null) ? settings : Map.of());
				rowSettings.putAll(part.settings());
				row.put("settings", rowSettings);
				rows.add(row);
			}
		}
		return violations.isEmpty() ? List.copyOf(rows) : null;
	}

	/** The first candidate that is not blank, else {@code fallback}. */
	static String firstOf(String fallback, String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return fallback;
	}

	/**
	 * The item's {@code channelDataType}, or {@code derived} when it is absent.
	 * @param missing why there is none when neither is there; named on
	 * {@code channelDataType}
	 */
	static DataType channelDataType(SettingsReader item, DataType derived, String missing) {
		if (item.has("channelDataType")) {
			return item.choice("channelDataType", DataType.class, null);
		}
		if (derived == null) {
			item.reject("channelDataType", missing);
		}
		return derived;
	}

	/**
	 * The text as a channel name: letters, digits, space and {@code _ . : / -} (what
	 * {@code ChannelDraft} accepts), anything else an underscore.
	 */
	static String validName(String text) {
		StringBuilder name = new StringBuilder(text.length());
		text.strip().codePoints().forEach((c) -> {
			boolean allowed = Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '.' || c == ':' || c == '/'
					|| c == '-';
			name.appendCodePoint(allowed ? c : '_');
		});
		String cleaned = name.toString().replaceAll(" {2,}", " ").strip();
		if (cleaned.isEmpty()) {
			cleaned = "node";
		}
		return (cleaned.length() > MAX_NAME - 6) ? cleaned.substring(0, MAX_NAME - 6).strip() : cleaned;
	}

	/** The name, or with " 2", " 3", ... when the selection already has it (any case). */
	private static String unique(String name, Set<String> taken) {
		String candidate = name;
		for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
			candidate = name + " " + n;
		}
		return candidate;
	}

}
