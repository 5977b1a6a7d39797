package io.parx.admin.alarms;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parx.admin.system.PageMetadata;
import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.config.alarm.AlarmType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of {@code /api/v1/alarms/definitions} as the OpenAPI document describes it.
 * Documentation only: the endpoints read maps with the contract's reader
 * ({@code AlarmDefinition.read}) so that every bad field is named.
 */
final class AlarmSchemas {

	static final String TYPE = "HIHI and HI: above limit, cleared at or below limit - deadband; LO and LOLO: below "
			+ "limit, cleared at or above limit + deadband; DISCRETE: value equals alarmValue; BAD_QUALITY: the "
			+ "sample's quality is Bad.";

	static final String MESSAGE = "Template with {channel}, {value} and {unit}; default \"{channel}: {value} {unit}\"";

	private AlarmSchemas() {
	}

	@Schema(name = "AlarmDefinition", description = "An alarm on one channel",
			requiredProperties = { "id", "name", "channelId", "type", "limit", "deadband", "alarmValue", "onDelayMs",
					"offDelayMs", "priority", "message", "enabled", "version", "createdAt", "updatedAt" })
	record AlarmDefinitionView(long id, String name, long channelId, @Schema(description = TYPE) AlarmType type,
			@Schema(description = "HIHI, HI, LO, LOLO; else null", nullable = true) Double limit,
			@Schema(description = "HIHI, HI, LO, LOLO; else null", nullable = true) Double deadband,
			@Schema(description = "DISCRETE: true, false, a number or a text; else null", types = {
					"boolean", "number", "string", "null" }) Object alarmValue,
			long onDelayMs, long offDelayMs, AlarmPriority priority, @Schema(description = MESSAGE) String message,
			boolean enabled, @Schema(description = "Sent back as If-Match or version when changing it") long version,
			Instant createdAt, Instant updatedAt){

	}

	@Schema(name = "AlarmDefinitionRequest",
			description = "An alarm definition to create or the whole of one to replace. id, createdAt and updatedAt "
					+ "are accepted and ignored; other unknown fields, and fields of another type, are rejected.",
			requiredProperties = { "name", "channelId", "type" })
	record AlarmDefinitionRequest(@Schema(maxLength = 200) String name,
			@Schema(description = "The channel watched; numeric for limit alarms") long channelId,
			@Schema(description = TYPE) AlarmType type,
			@Schema(description = "Required for HIHI, HI, LO, LOLO") Double limit,
			@Schema(description = "HIHI, HI, LO, LOLO; default 0", minimum = "0") Double deadband,
			@Schema(description = "Required for DISCRETE: true, false, a number or a text", types = {
					"boolean", "number", "string" }) Object alarmValue,
			@Schema(description = "How long (source time) the condition must hold before the alarm is raised; for "
					+ "BAD_QUALITY how long the channel must be Bad. Default 0", minimum = "0",
					maximum = "86400000") Long onDelayMs,
			@Schema(description = "How long the condition must be clear before the alarm returns. Default 0",
					minimum = "0", maximum = "86400000") Long offDelayMs,
			@Schema(description = "LOW, MEDIUM, HIGH, CRITICAL or 1-4; default MEDIUM") String priority,
			@Schema(description = MESSAGE, maxLength = 500) String message,
			@Schema(description = "Default true") Boolean enabled,
			@Schema(description = "The version edited (when replacing; or If-Match)", minimum = "0") Long version){

	}

	@Schema(name = "AlarmDefinitionBulkRequest", requiredProperties = { "tag", "definition" })
	record BulkRequest(
			@Schema(description = "Every channel with this tag gets one definition (at most 500)",
					maxLength = 100) String tag,
			@Schema(description = "An AlarmDefinitionRequest without channelId; {channel} in its name is replaced "
					+ "by the channel's name") Map<String, Object> definition) {

	}

	@Schema(name = "AlarmDefinitionBulkResult", requiredProperties = { "created" })
	record BulkResult(List<AlarmDefinitionView> created) {

	}

	@Schema(name = "PagedAlarmDefinitions", requiredProperties = { "content", "page" })
	record PagedAlarmDefinitions(List<AlarmDefinitionView> content, PageMetadata page) {

	}

}
