package io.parx.storage.webhooks;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import io.parx.common.alarm.JournalQuery;
import io.parx.common.problem.ProblemType;
import io.parx.common.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deliveries of an alarm webhook and test deliveries (docs/API.md, "Alarm webhooks").
 * Served by the storage engine, which owns the outbox; the webhooks themselves are the
 * admin-api's.
 */
@RestController
@Tag(name = "Alarm webhooks", description = "Delivery outcomes and test deliveries; see docs/API.md")
class WebhookController {

	static final int MAX_SIZE = 200;

	private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED", "DISCARDED");

	private final WebhookCatalog webhooks;

	private final DeliveryHistory history;

	private final DeliveryQueue queue;

	private final WebhookDeliverer deliverer;

	private final Clock clock;

	WebhookController(WebhookCatalog webhooks, DeliveryHistory history, DeliveryQueue queue, WebhookDeliverer deliverer,
			java.time.Clock clock) {
		this.webhooks = webhooks;
		this.history = history;
		this.queue = queue;
		this.deliverer = deliverer;
		this.clock = clock;
	}

	@Operation(operationId = "listWebhookDeliveries",
			summary = "A webhook's deliveries (every role), newest first, with counts by status and the last "
					+ "attempt; pages of at most 200")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = WebhookSchemas.DeliveryPage.class)))
	@ApiResponse(responseCode = "400", description = "/problems/validation naming the parameter")
	@ApiResponse(responseCode = "404", description = "/problems/not-found: no such webhook")
	@GetMapping("/api/v1/alarms/webhooks/{id}/deliveries")
	Map<String, Object> deliveries(@PathVariable long id,
			@Parameter(description = "PENDING, DELIVERED, FAILED or DISCARDED") @RequestParam(
					required = false) String status,
			@Parameter(schema = @Schema(type = "integer", defaultValue = "0")) @RequestParam(
					required = false) String page,
			@Parameter(schema = @Schema(type = "integer", defaultValue = "20")) @RequestParam(
					required = false) String size) {
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidInputException("status", "must be one of [PENDING, DELIVERED, FAILED, DISCARDED]");
		}
		int pageNumber = (int) JournalQuery.number("page", page, 0, 0, 10_000);
		int pageSize = (int) JournalQuery.number("size", size, 20, 1, MAX_SIZE);
		known(id);
		return this.history.page(id, status, pageNumber, pageSize);
	}

	@Operation(operationId = "testWebhook",
			summary = "Queue a test delivery to an enabled webhook (ENGINEER, ADMIN); its outcome appears in the "
					+ "deliveries")
	@ApiResponse(responseCode = "202",
			content = @Content(schema = @Schema(implementation = WebhookSchemas.Delivery.class)))
	@ApiResponse(responseCode = "404", description = "/problems/not-found: no such webhook")
	@ApiResponse(responseCode = "409", description = "/problems/conflict: the webhook is disabled")
	@PostMapping("/api/v1/alarms/webhooks/{id}/test")
	ResponseEntity<Map<String, Object>> test(@PathVariable long id) {
		Webhook webhook = known(id);
		if (!webhook.config().enabled()) {
			throw problem(ProblemType.CONFLICT, "Webhook " + id + " is disabled; enable it to test it");
		}
		long deliveryId = this.queue.enqueueTest(id,
				WebhookPayload.test(id, webhook.config().name(), this.clock.instant()));
		this.deliverer.wake();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/alarms/webhooks/" + id + "/deliveries"))
			.body(this.history.get(deliveryId));
	}

	private Webhook known(long id) {
		// As this instance knows them: a webhook created a moment ago is here once its
		// config event is (no reload per request, which anyone could make with unknown
		// ids).
		Webhook webhook = this.webhooks.get().get(id);
		if (webhook == null) {
			throw problem(ProblemType.NOT_FOUND, "No alarm webhook " + id);
		}
		return webhook;
	}

	private static ErrorResponseException problem(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return new ErrorResponseException(type.status(), problem, null);
	}

}
