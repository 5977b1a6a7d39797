package io.parx.bench.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard the render benchmark opens: 40 widgets of every live kind on a 24-column
 * grid, together bound to exactly the given channels (500 by default), each channel in
 * one widget. Trends, tables and bars carry many channels, gauges and values one, as on a
 * plant's overview page.
 */
final class BenchDashboard {

	/** Kind, widget count, channels per widget, width, height (grid units). */
	private record Group(String kind, int widgets, int channels, int w, int h) {
	}

	// The first screen shows every kind (as an overview page does); most trends, the
	// costliest kind to draw, lie below it.
	private static final List<Group> GROUPS = List.of(new Group("VALUE", 6, 1, 4, 2), new Group("GAUGE", 6, 1, 4, 4),
			new Group("TREND", 2, 8, 12, 6), new Group("TABLE", 8, 30, 6, 8), new Group("BAR", 6, 16, 8, 5),
			new Group("STATUS", 4, 20, 6, 4), new Group("PROGRESS", 2, 4, 6, 3), new Group("TREND", 6, 8, 12, 6));

	/** The number of channels {@link #layout} binds. */
	static final int CHANNELS = GROUPS.stream().mapToInt((g) -> g.widgets * g.channels).sum();

	static final int WIDGETS = GROUPS.stream().mapToInt(Group::widgets).sum();

	private BenchDashboard() {
	}

	/** The dashboard request body (admin-api {@code POST /api/v1/dashboards}). */
	static Map<String, Object> request(String name, List<Long> channelIds) {
		if (channelIds.size() != CHANNELS) {
			throw new IllegalArgumentException("the dashboard binds " + CHANNELS + " channels");
		}
		List<Map<String, Object>> widgets = new ArrayList<>();
		int next = 0;
		int x = 0;
		int y = 0;
		int rowHeight = 0;
		Map<String, Integer> perKind = new LinkedHashMap<>();
		for (Group group : GROUPS) {
			for (int i = 0; i < group.widgets; i++) {
				if (x + group.w > 24) {
					x = 0;
					y += rowHeight;
					rowHeight = 0;
				}
				Map<String, Object> widget = new LinkedHashMap<>();
				widget.put("id", "w" + (widgets.size() + 1));
				widget.put("kind", group.kind);
				int number = perKind.merge(group.kind, 1, Integer::sum);
				widget.put("title", group.kind.charAt(0) + group.kind.substring(1).toLowerCase() + " " + number);
				widget.put("x", x);
				widget.put("y", y);
				widget.put("w", group.w);
				widget.put("h", group.h);
				widget.put("channelIds", channelIds.subList(next, next + group.channels));
				widget.put("options", options(group.kind));
				widgets.add(widget);
				next += group.channels;
				x += group.w;
				rowHeight = Math.max(rowHeight, group.h);
			}
		}
		return Map.of("name", name, "shared", true, "layout", Map.of("widgets", widgets));
	}

	private static Map<String, Object> options(String kind) {
		return switch (kind) {
			case "TREND" -> Map.of("window", "PT2M");
			case "GAUGE", "BAR", "PROGRESS" -> Map.of("min", -100, "max", 100, "decimals", 1);
			default -> Map.of("decimals", 2);
		};
	}

}
