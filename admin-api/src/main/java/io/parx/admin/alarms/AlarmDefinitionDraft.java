package io.parx.admin.alarms;

import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.alarm.AlarmDefinition;

/**
 * An alarm definition as sent by a client, with the version edited.
 *
 * @param definition the definition, validated by the contract's reader
 * @param version the version edited, when sent in the body
 */
record AlarmDefinitionDraft(AlarmDefinition definition, Long version) {

	/**
	 * @throws org.springframework.web.ErrorResponseException 400 naming every bad field
	 */
	static AlarmDefinitionDraft read(Map<String, ?> body) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(body, "");
		AlarmDefinition definition = AlarmDefinition.read(f);
		Long version = f.optionalLong("version", 0, Long.MAX_VALUE);
		f.rejectUnknown(Set.of("id", "createdAt", "updatedAt"));
		violations.throwIfAny();
		return new AlarmDefinitionDraft(definition, version);
	}

}
