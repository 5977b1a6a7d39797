package io.parx.storage.webhooks;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of the webhook delivery endpoints as the OpenAPI document describes it.
 * Documentation only: the endpoints answer maps.
 */
final class WebhookSchemas {

	private WebhookSchemas() {
	}

	@Schema(name = "WebhookDelivery",
			requiredProperties = { "id", "webhookId", "event", "definitionId", "eventTime", "status", "attempts",
					"createdAt", "lastAttemptAt", "lastStatusCode", "lastError", "nextAttemptAt", "finishedAt",
					"payload" })
	record Delivery(long id, long webhookId,
			@Schema(description = "ACTIVATED, RETURNED, ACKNOWLEDGED, SHELVED or TEST") String event, @Schema(types = {
					"integer", "null" }, format = "int64") Long definitionId,
			@Schema(description = "The transition's time; null for a test",
					types = { "string", "null" }) String eventTime,
			@Schema(description = "PENDING: to be sent at nextAttemptAt; DELIVERED: a 2xx answer; FAILED: given up "
					+ "after parx.storage.webhooks.max-age; DISCARDED: the webhook was disabled or deleted first",
					allowableValues = { "PENDING", "DELIVERED", "FAILED", "DISCARDED" }) String status,
			@Schema(description = "Attempts so far") int attempts, String createdAt,
			@Schema(types = { "string", "null" }) String lastAttemptAt,
			@Schema(description = "The receiver's last answer", types = { "integer", "null" }) Integer lastStatusCode,
			@Schema(description = "Why the last attempt failed", types = { "string", "null" }) String lastError,
			@Schema(types = { "string", "null" }) String nextAttemptAt,
			@Schema(types = { "string", "null" }) String finishedAt,
			@Schema(description = "The body POSTed (docs/CONTRACTS.md)") Map<String, Object> payload){

	}

	@Schema(name = "WebhookDeliverySummary",
			requiredProperties = { "pending", "delivered", "failed", "discarded", "lastDelivery" })
	record Summary(long pending, long delivered, long failed, long discarded,
			@Schema(description = "The delivery attempted last; null before any attempt",
					nullable = true) Delivery lastDelivery) {

	}

	@Schema(name = "WebhookDeliveryPage",
			requiredProperties = { "summary", "content", "page", "size", "totalElements" })
	record DeliveryPage(Summary summary, List<Delivery> content, int page, int size, long totalElements) {

	}

}
