package io.parx.admin.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;

import io.swagger.v3.oas.annotations.media.Schema;

/** A storage rule as sent by a client, its fields validated one by one. */
record StorageRuleDraft(String name, String description, StorageMode mode, StorageBackend backend,
		Integer retentionDays, boolean enabled, List<Long> channelIds, Long version) {

	@Schema(name = "StorageRuleMode", enumAsRef = true)
	enum Mode {

		CONTINUOUS, CHANGE, EVENT, TRIGGER

	}

	@Schema(name = "StorageRuleBackend", enumAsRef = true)
	enum Backend {

		TIMESCALE, FILE

	}

	/**
	 * @return the draft, or {@code null} when a field was rejected
	 */
	static StorageRuleDraft read(Map<String, ?> body, Violations violations) {
		SettingsReader f = violations.reader(body, "");
		String name = f.string("name", true, 200);
		String description = f.string("description", "", 2000);
		Mode mode = f.choice("mode", Mode.class, null);
		Map<String, Object> settings = f.object("settings", false);
		StorageMode storageMode = (mode != null)
				? StorageMode.read(mode.name(), violations.reader(settings, "settings.")) : null;
		Backend backend = f.choice("backend", Backend.class, Backend.TIMESCALE);
		Map<String, Object> backendSettings = f.object("backendSettings", false);
		StorageBackend storageBackend = (backend != null)
				? StorageBackend.read(backend.name(), violations.reader(backendSettings, "backendSettings.")) : null;
		Integer retentionDays = f.has("retentionDays") ? f.integer("retentionDays", null, 1, 36_500) : null;
		Boolean enabled = f.bool("enabled", true);
		List<Long> channelIds = f.ids("channelIds");
		Long version = f.optionalLong("version", 0, Long.MAX_VALUE);
		f.rejectUnknown(Set.of("id", "createdAt", "updatedAt"));
		if (!violations.isEmpty()) {
			return null;
		}
		return new StorageRuleDraft(name.strip(), description, storageMode, storageBackend, retentionDays, enabled,
				channelIds, version);
	}

}
