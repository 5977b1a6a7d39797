package io.parx.admin.rules;

import java.time.Instant;
import java.util.List;

import io.parx.admin.system.PageMetadata;
import io.parx.admin.system.SettingsSchemas;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of the storage-rule and batch-definition endpoints as the OpenAPI document
 * describes it, for the browser app's generated types and Swagger UI. Documentation only:
 * the endpoints read and write maps checked field by field ({@link StorageRuleDraft},
 * {@link BatchDefinitionDraft}) so that every bad field is named;
 * {@code OpenApiSchemaTests} holds real answers against these schemas.
 */
final class RuleSchemas {

	private RuleSchemas() {
	}

	@Schema(name = "StorageRule", description = "Which channels are historised, when, where and for how long",
			requiredProperties = { "id", "name", "description", "mode", "settings", "backend", "backendSettings",
					"retentionDays", "enabled", "channelIds", "version", "createdAt", "updatedAt" })
	record StorageRuleView(long id, String name, String description, StorageRuleDraft.Mode mode,
			@Schema(ref = SettingsSchemas.MODE_SETTINGS) Object settings, StorageRuleDraft.Backend backend,
			@Schema(ref = SettingsSchemas.BACKEND_SETTINGS) Object backendSettings,
			@Schema(description = "Days to keep; null: for ever", nullable = true) Integer retentionDays,
			boolean enabled, List<Long> channelIds,
			@Schema(description = "Sent back as If-Match or version when changing it") long version, Instant createdAt,
			Instant updatedAt) {

	}

	@Schema(name = "StorageRuleRequest",
			description = "A storage rule to create or the whole of one to replace. id, createdAt and updatedAt are "
					+ "accepted and ignored; other unknown fields are rejected. A TRIGGER formula is parsed "
					+ "(400 /problems/formula-syntax with position); the channels named must exist.",
			requiredProperties = { "name", "mode" })
	record StorageRuleRequest(@Schema(description = "Unique", maxLength = 200) String name,
			@Schema(maxLength = 2000) String description, StorageRuleDraft.Mode mode,
			@Schema(ref = SettingsSchemas.MODE_SETTINGS) Object settings,
			@Schema(description = "Default TIMESCALE") StorageRuleDraft.Backend backend,
			@Schema(ref = SettingsSchemas.BACKEND_SETTINGS) Object backendSettings,
			@Schema(description = "Days to keep; null or absent: for ever", minimum = "1", maximum = "36500",
					nullable = true) Integer retentionDays,
			@Schema(description = "Default true") Boolean enabled,
			@Schema(description = "The channels the rule historises; they must exist") List<Long> channelIds,
			@Schema(description = "The version edited (when replacing; or If-Match)", minimum = "0") Long version) {

	}

	@Schema(name = "PagedStorageRules", requiredProperties = { "content", "page" })
	record PagedStorageRules(List<StorageRuleView> content, PageMetadata page) {

	}

	@Schema(name = "BatchDefinition",
			description = "What opens and closes a production batch (coil); the channel ids of the other mode are null",
			requiredProperties = { "id", "name", "description", "mode", "triggerChannelId", "startChannelId",
					"stopChannelId", "nameChannelId", "enabled", "version", "createdAt", "updatedAt" })
	record BatchDefinitionView(long id, String name, String description, BatchDefinitionDraft.Mode mode,
			@Schema(description = "VALUE_CHANGE: a new batch whenever its value changes, named by the new value",
					nullable = true) Long triggerChannelId,
			@Schema(description = "START_STOP: its rising edge opens a batch", nullable = true) Long startChannelId,
			@Schema(description = "START_STOP: its rising edge closes the batch (null: the falling edge of the start "
					+ "channel)", nullable = true) Long stopChannelId,
			@Schema(description = "START_STOP: names the batch", nullable = true) Long nameChannelId, boolean enabled,
			@Schema(description = "Sent back as If-Match or version when changing it") long version, Instant createdAt,
			Instant updatedAt) {

	}

	@Schema(name = "BatchDefinitionRequest",
			description = "A batch definition to create or the whole of one to replace. VALUE_CHANGE needs "
					+ "triggerChannelId; START_STOP needs startChannelId and may have stopChannelId and nameChannelId; "
					+ "fields of the other mode are rejected unless null. id, createdAt and updatedAt are accepted "
					+ "and ignored.",
			requiredProperties = { "name", "mode" })
	record BatchDefinitionRequest(@Schema(description = "Unique", maxLength = 200) String name,
			@Schema(maxLength = 2000) String description, BatchDefinitionDraft.Mode mode,
			@Schema(nullable = true) Long triggerChannelId, @Schema(nullable = true) Long startChannelId,
			@Schema(nullable = true) Long stopChannelId, @Schema(nullable = true) Long nameChannelId,
			@Schema(description = "Default true") Boolean enabled,
			@Schema(description = "The version edited (when replacing; or If-Match)", minimum = "0") Long version) {

	}

	@Schema(name = "PagedBatchDefinitions", requiredProperties = { "content", "page" })
	record PagedBatchDefinitions(List<BatchDefinitionView> content, PageMetadata page) {

	}

}
