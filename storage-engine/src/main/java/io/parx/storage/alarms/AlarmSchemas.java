package io.parx.storage.alarms;

import java.util.List;

import io.parx.common.config.alarm.AlarmPriority;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of the alarm endpoints as the OpenAPI document describes it. Documentation
 * only: the endpoints answer maps.
 */
final class AlarmSchemas {

	private AlarmSchemas() {
	}

	@Schema(name = "ActiveAlarm", requiredProperties = { "definitionId", "name", "channelId", "state", "activatedAt",
			"value", "priority", "message", "acknowledgedAt", "acknowledgedBy", "shelvedUntil" })
	record ActiveAlarm(long definitionId, String name, long channelId, AlarmStatus state,
			@Schema(description = "Source time of the sample that raised it", types = {
					"string", "null" }) String activatedAt,
			@Schema(description = "The value at the last transition",
					types = { "number", "boolean", "string", "null" }) Object value,
			AlarmPriority priority, String message, @Schema(types = { "string", "null" }) String acknowledgedAt,
			@Schema(types = { "string", "null" }) String acknowledgedBy,
			@Schema(description = "Raises nothing until then", types = { "string", "null" }) String shelvedUntil){

	}

	@Schema(name = "ActiveAlarms", requiredProperties = { "content" })
	record ActiveAlarms(List<ActiveAlarm> content) {

	}

	@Schema(name = "AlarmJournalEntry", requiredProperties = { "time", "definitionId", "name", "channelId", "event",
			"state", "priority", "value", "message", "user", "comment" })
	record JournalEntry(@Schema(description = "Source time of the sample, or when someone acted") String time,
			long definitionId, String name, long channelId, AlarmEvent event,
			@Schema(description = "The state after it") AlarmStatus state, AlarmPriority priority, @Schema(types = {
					"number", "boolean", "string", "null" }) Object value,
			String message,
			@Schema(description = "Who acknowledged or shelved", types = { "string", "null" }) String user,
			@Schema(types = { "string", "null" }) String comment){

	}

	@Schema(name = "AlarmJournalPage", requiredProperties = { "content", "page", "size", "totalElements" })
	record JournalPage(List<JournalEntry> content, int page, int size, long totalElements) {

	}

	@Schema(name = "AcknowledgeRequest")
	record AcknowledgeRequest(@Schema(description = "Optional", maxLength = 1000) String comment) {

	}

	@Schema(name = "ShelveRequest", requiredProperties = { "duration" })
	record ShelveRequest(@Schema(description = "ISO-8601, e.g. PT1H; PT0S unshelves; at most "
			+ "parx.storage.alarms.max-shelve (24 h)") String duration) {

	}

}
