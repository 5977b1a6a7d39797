package io.parx.admin.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.parx.admin.request.Versioned;

/**
 * A stored storage rule: which channels are historised, when, where and for how long.
 *
 * @param retentionDays days to keep the samples, {@code null} for ever
 */
record StorageRule(long id, String name, String description, String mode, Map<String, Object> settings, String backend,
		Map<String, Object> backendSettings, Integer retentionDays, boolean enabled, List<Long> channelIds,
		long version, Instant createdAt, Instant updatedAt) implements Versioned {

	@Override
	public Map<String, Object> toView() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.put("name", this.name);
		map.put("description", this.description);
		map.put("mode", this.mode);
		map.put("settings", this.settings);
		map.put("backend", this.backend);
		map.put("backendSettings", this.backendSettings);
		map.put("retentionDays", this.retentionDays);
		map.put("enabled", this.enabled);
		map.put("channelIds", this.channelIds);
		map.put("version", this.version);
		map.put("createdAt", this.createdAt.toString());
		map.put("updatedAt", this.updatedAt.toString());
		return map;
	}

}
