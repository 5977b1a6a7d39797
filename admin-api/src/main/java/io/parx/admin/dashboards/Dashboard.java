package io.parx.admin.dashboards;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.parx.admin.request.Versioned;

/**
 * A stored dashboard.
 *
 * @param uid identity across installations, carried by exported templates
 * @param owner user name of the creator
 * @param shared visible to every signed-in user; otherwise to its owner (and ADMIN) only
 */
record Dashboard(long id, UUID uid, String name, String description, String owner, boolean shared, List<Widget> widgets,
		long version, Instant createdAt, Instant updatedAt) implements Versioned {

	@Override
	public Map<String, Object> toView() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.put("uid", this.uid.toString());
		map.put("name", this.name);
		map.put("description", this.description);
		map.put("owner", this.owner);
		map.put("shared", this.shared);
		map.put("layout", layout(this.widgets, "channelIds"));
		map.put("version", this.version);
		map.put("createdAt", this.createdAt.toString());
		map.put("updatedAt", this.updatedAt.toString());
		return map;
	}

	static Map<String, Object> layout(List<Widget> widgets, String channelsField) {
		return Map.of("widgets", widgets.stream().map((widget) -> widget.toMap(channelsField)).toList());
	}

}
