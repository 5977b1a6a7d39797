package io.parx.admin.alarms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.admin.request.Versioned;
import io.parx.common.config.alarm.AlarmDefinition;

/** An alarm definition as stored: the contract plus id, version and times. */
record StoredAlarmDefinition(long id, AlarmDefinition definition, long version, Instant createdAt,
		Instant updatedAt) implements Versioned {

	@Override
	public Map<String, Object> toView() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.putAll(this.definition.toMap());
		map.put("version", this.version);
		map.put("createdAt", this.createdAt.toString());
		map.put("updatedAt", this.updatedAt.toString());
		return map;
	}

}
