package io.parx.admin.alarms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.admin.request.Versioned;
import io.parx.common.config.alarm.AlarmWebhook;

/**
 * An alarm webhook as stored: the contract plus id, version, times and whether a secret
 * is set. The secret itself is never read back into the service.
 */
record StoredAlarmWebhook(long id, AlarmWebhook webhook, boolean secretSet, long version, Instant createdAt,
		Instant updatedAt) implements Versioned {

	/**
	 * The API form, also what the audit records: no secret, only whether there is one.
	 */
	@Override
	public Map<String, Object> toView() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.putAll(this.webhook.toMap());
		map.put("secretSet", this.secretSet);
		map.put("version", this.version);
		map.put("createdAt", this.createdAt.toString());
		map.put("updatedAt", this.updatedAt.toString());
		return map;
	}

}
