package io.parx.admin.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import io.parx.admin.request.Versioned;

/** A stored batch (coil) definition. */
record BatchDefinition(long id, String name, String description, BatchTrigger trigger, boolean enabled, long version,
		Instant createdAt, Instant updatedAt) implements Versioned {

	@Override
	public Map<String, Object> toView() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.put("name", this.name);
		map.put("description", this.description);
		map.put("mode", this.trigger.mode());
		map.put("triggerChannelId", null);
		map.put("startChannelId", null);
		map.put("stopChannelId", null);
		map.put("nameChannelId", null);
		map.putAll(this.trigger.channelIds());
		map.put("enabled", this.enabled);
		map.put("version", this.version);
		map.put("createdAt", this.createdAt.toString());
		map.put("updatedAt", this.updatedAt.toString());
		return map;
	}

}
