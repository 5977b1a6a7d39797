package io.parx.admin.rules;

import java.util.Map;
import java.util.Set;

import io.parx.common.config.SettingsReader;
import io.parx.admin.request.Violations;

import io.swagger.v3.oas.annotations.media.Schema;

/** A batch definition as sent by a client. */
record BatchDefinitionDraft(String name, String description, BatchTrigger trigger, boolean enabled, Long version) {

	@Schema(name = "BatchDefinitionMode", enumAsRef = true)
	enum Mode {

		VALUE_CHANGE, START_STOP

	}

	/**
	 * @throws org.springframework.web.ErrorResponseException 400 naming every bad field
	 */
	static BatchDefinitionDraft read(Map<String, ?> body) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(body, "");
		String name = f.string("name", true, 200);
		String description = f.string("description", "", 2000);
		Mode mode = f.choice("mode", Mode.class, null);
		BatchTrigger trigger = (mode != null) ? BatchTrigger.read(mode.name(), f) : null;
		Boolean enabled = f.bool("enabled", true);
		Long version = f.optionalLong("version", 0, Long.MAX_VALUE);
		f.rejectUnknown(Set.of("id", "createdAt", "updatedAt", "triggerChannelId", "startChannelId", "stopChannelId",
				"nameChannelId"));
		violations.throwIfAny();
		return new BatchDefinitionDraft(name.strip(), description, trigger, enabled, version);
	}

}
