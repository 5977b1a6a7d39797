package io.parx.admin.alarms;

import java.time.Instant;
import java.util.List;

import io.parx.admin.system.PageMetadata;
import io.parx.common.config.alarm.AlarmPriority;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of {@code /api/v1/alarms/webhooks} as the OpenAPI document describes it.
 * Documentation only: the endpoints read maps with the contract's reader
 * ({@code AlarmWebhook.read}) so that every bad field is named.
 */
final class AlarmWebhookSchemas {

	static final String URL = "Absolute http or https URL, at most 2000 characters, without user information or "
			+ "fragment. The storage engine POSTs each alarm event there as JSON (docs/CONTRACTS.md).";

	static final String PRIORITIES = "The alarm priorities whose events it receives: one or more of LOW, MEDIUM, "
			+ "HIGH, CRITICAL (or 1-4)";

	static final String SECRET_HEADER = "The header the secret is sent in; default Authorization";

	private AlarmWebhookSchemas() {
	}

	@Schema(name = "AlarmWebhook", description = "Where alarm events of some priorities are POSTed",
			requiredProperties = { "id", "name", "url", "priorities", "secretHeader", "enabled", "secretSet", "version",
					"createdAt", "updatedAt" })
	record AlarmWebhookView(long id, String name, @Schema(description = URL) String url,
			@Schema(description = PRIORITIES) List<AlarmPriority> priorities,
			@Schema(description = SECRET_HEADER) String secretHeader, boolean enabled,
			@Schema(description = "Whether a secret is set; the secret itself is never returned") boolean secretSet,
			@Schema(description = "Sent back as If-Match or version when changing it") long version, Instant createdAt,
			Instant updatedAt) {

	}

	@Schema(name = "AlarmWebhookRequest",
			description = "An alarm webhook to create or the whole of one to replace. id, secretSet, createdAt and "
					+ "updatedAt are accepted and ignored; other unknown fields, and fields of another type, are "
					+ "rejected.",
			requiredProperties = { "name", "url", "priorities" })
	record AlarmWebhookRequest(@Schema(maxLength = 200) String name,
			@Schema(description = URL, maxLength = 2000) String url,
			@Schema(description = PRIORITIES) List<String> priorities,
			@Schema(description = SECRET_HEADER, maxLength = 100) String secretHeader,
			@Schema(description = "Write-only value of the secret header, e.g. \"Bearer abc\". Left out: kept "
					+ "(when replacing); null or \"\": removed", maxLength = 1000, nullable = true) String secret,
			@Schema(description = "Default true") Boolean enabled,
			@Schema(description = "The version edited (when replacing; or If-Match)", minimum = "0") Long version) {

	}

	@Schema(name = "PagedAlarmWebhooks", requiredProperties = { "content", "page" })
	record PagedAlarmWebhooks(List<AlarmWebhookView> content, PageMetadata page) {

	}

}
