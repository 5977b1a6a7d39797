package io.parx.admin.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.SettingsReader;
import io.parx.admin.request.Violations;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One tile of a dashboard layout on a grid of {@value #GRID_COLUMNS} columns.
 *
 * @param id client-chosen identifier, unique in the layout (optional)
 * @param kind what the tile shows
 * @param title caption, may be empty
 * @param x column of the left edge, from 0
 * @param y row of the top edge, from 0
 * @param w width in columns
 * @param h height in rows
 * @param channels the bound channels: ids in a dashboard, names in an exported template
 * @param options kind-specific display options, stored as sent
 */
record Widget(String id, Kind kind, String title, int x, int y, int w, int h, List<Object> channels,
		Map<String, Object> options) {

	static final int GRID_COLUMNS = 24;

	static final int MAX_WIDGETS = 200;

	/**
	 * The closed set of widget kinds the UI can draw. {@code PROGRESS} is a bar between
	 * the options' min and max; {@code ALARM_LOG} lists the active alarms (of the bound
	 * channels, when any are bound) with acknowledge and shelve.
	 */
	@Schema(name = "WidgetKind", enumAsRef = true)
	enum Kind {

		VALUE, TREND, GAUGE, BAR, TABLE, STATUS, TEXT, PROGRESS, ALARM_LOG, SETPOINT

	}

	Map<String, Object> toMap(String channelsField) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (this.id != null) {
			map.put("id", this.id);
		}
		map.put("kind", this.kind.name());
		map.put("title", this.title);
		map.put("x", this.x);
		map.put("y", this.y);
		map.put("w", this.w);
		map.put("h", this.h);
		map.put(channelsField, this.channels);
		map.put("options", this.options);
		return map;
	}

	/**
	 * Reads a layout {@code {"widgets": [...]}}, naming every bad field.
	 * @param channelsField {@code channelIds} for a dashboard, {@code channels} (names)
	 * for a template
	 */
	static List<Widget> readLayout(Map<String, Object> layout, String path, String channelsField,
			Violations violations) {
		SettingsReader f = violations.reader(layout, path + ".");
		Object raw = f.raw("widgets");
		f.rejectUnknown();
		if (raw == null) {
			return List.of();
		}
		if (!(raw instanceof List<?> items)) {
			f.reject("widgets", "must be a list of widgets");
			return List.of();
		}
		if (items.size() > MAX_WIDGETS) {
			f.reject("widgets", "at most " + MAX_WIDGETS + " widgets");
			return List.of();
		}
		List<Widget> widgets = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String at = path + ".widgets[" + i + "]";
			if (!(items.get(i) instanceof Map<?, ?> item)) {
				violations.add(at, "must be a widget object");
				continue;
			}
			@SuppressWarnings("unchecked")
			Widget widget = read((Map<String, Object>) item, at + ".", channelsField, violations);
			if (widget != null) {
				widgets.add(widget);
			}
		}
		return widgets;
	}

	/** The longest text in a widget's options. */
	static final int MAX_OPTION_TEXT = 10_000;

	private static Widget read(Map<String, Object> item, String prefix, String channelsField, Violations violations) {
		int before = violations.size();
		SettingsReader f = violations.reader(item, prefix);
		String id = f.string("id", false, 100);
		Kind kind = f.choice("kind", Kind.class, null);
		String title = f.string("title", "", 200);
		Integer x = f.integer("x", 0, 0, GRID_COLUMNS - 1);
		Integer y = f.integer("y", 0, 0, 10_000);
		Integer w = f.integer("w", 4, 1, GRID_COLUMNS);
		Integer h = f.integer("h", 3, 1, 100);
		if (x != null && w != null && x + w > GRID_COLUMNS) {
			f.reject("w",
					"the widget runs past column " + GRID_COLUMNS + " (x + w must be at most " + GRID_COLUMNS + ")");
		}
		List<Object> channels = new ArrayList<>();
		if (channelsField.equals("channelIds")) {
			channels.addAll(f.ids("channelIds"));
		}
		else {
			channels.addAll(f.strings("channels", 100, 200));
		}
		if (kind == Kind.SETPOINT && channels.size() > 1) {
			// which device a confirmed write goes to must never be a guess
			f.reject(channelsField, "a SETPOINT widget writes one channel: bind at most one");
		}
		Map<String, Object> options = f.object("options", false);
		if (options != null) {
			longOptionText(options, "options", f);
		}
		f.rejectUnknown();
		if (violations.size() != before) {
			return null;
		}
		return new Widget(id, kind, title, x, y, w, h, List.copyOf(channels), (options != null) ? options : Map.of());
	}

	/**
	 * Options are free-form per kind, but no text in them (a TEXT widget's text, a title)
	 * is a document: a 1 MB option was stored and sent to every viewer (issue #17).
	 */
	private static void longOptionText(Object value, String path, SettingsReader f) {
		if (value instanceof String text && text.length() > MAX_OPTION_TEXT) {
			f.reject(path, "must be at most " + MAX_OPTION_TEXT + " characters");
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> longOptionText(item, path + "." + key, f));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				longOptionText(list.get(i), path + "[" + i + "]", f);
			}
		}
	}

	Widget withChannels(List<?> channels) {
		return new Widget(this.id, this.kind, this.title, this.x, this.y, this.w, this.h, List.copyOf(channels),
				this.options);
	}

}
