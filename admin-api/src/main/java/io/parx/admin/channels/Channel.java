package io.parx.admin.channels;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.admin.request.Versioned;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;

/**
 * One stored signal of the plant.
 *
 * @param settings the stored protocol settings, secrets included: use {@link #toView()}
 * for anything that leaves the service
 */
public record Channel(long id, String name, String description, String unit, DataType dataType, double scale,
		double offset, int pollIntervalMs, boolean enabled, String collector, List<String> tags, Protocol protocol,
		Map<String, Object> settings, long version, Instant createdAt, Instant updatedAt) implements Versioned {

	/** The API form: secrets replaced by {@code passwordSet}. */
	@Override
	public Map<String, Object> toView() {
		return toMap(ChannelSecrets.publicView(this.settings));
	}

	/** The form sent to the collector: like the API form, with secrets. */
	public Map<String, Object> toCollectorView() {
		return toMap(this.settings);
	}

	private Map<String, Object> toMap(Map<String, Object> settings) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.put("name", this.name);
		map.put("description", this.description);
		map.put("unit", this.unit);
		map.put("dataType", this.dataType.name());
		map.put("scale", this.scale);
		map.put("offset", this.offset);
		map.put("pollIntervalMs", this.pollIntervalMs);
		map.put("enabled", this.enabled);
		map.put("collector", this.collector);
		map.put("tags", this.tags);
		map.put("protocol", this.protocol.name());
		map.put("settings", settings);
		map.put("version", this.version);
		map.put("createdAt", this.createdAt.toString());
		map.put("updatedAt", this.updatedAt.toString());
		return map;
	}

}
