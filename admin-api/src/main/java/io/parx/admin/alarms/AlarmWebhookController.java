package io.parx.admin.alarms;

import java.net.URI;
import java.util.Map;

import io.parx.admin.request.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alarm webhooks: {@code /api/v1/alarms/webhooks}. Every role reads; ADMIN and ENGINEER
 * write (the admin-api's {@code AccessRules}). The secret is write-only: answers say
 * {@code "secretSet": true}. Deliveries and test deliveries are the storage engine's
 * ({@code /api/v1/alarms/webhooks/{id}/deliveries} and {@code .../test}).
 */
@RestController
@Tag(name = "Alarm webhooks", description = "Where alarm events are POSTed; see docs/API.md, \"Alarm webhooks\"")
@RequestMapping("/api/v1/alarms/webhooks")
class AlarmWebhookController {

	private final AlarmWebhookService webhooks;

	AlarmWebhookController(AlarmWebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(operationId = "listAlarmWebhooks", summary = "List alarm webhooks",
			description = "Ordered by name (sort is accepted and ignored).")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = AlarmWebhookSchemas.PagedAlarmWebhooks.class)))
	@GetMapping
	PagedModel<Map<String, Object>> list(@ParameterObject @PageableDefault(size = 50) Pageable pageable) {
		return new PagedModel<>(this.webhooks.list(pageable).map(StoredAlarmWebhook::toView));
	}

	@Operation(operationId = "getAlarmWebhook", summary = "One alarm webhook, with its version as ETag")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = AlarmWebhookSchemas.AlarmWebhookView.class)))
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.webhooks.get(id));
	}

	@Operation(operationId = "createAlarmWebhook", summary = "Create an alarm webhook (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = AlarmWebhookSchemas.AlarmWebhookView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(@RequestBody @Schema(
			implementation = AlarmWebhookSchemas.AlarmWebhookRequest.class) Map<String, Object> body) {
		StoredAlarmWebhook created = this.webhooks.create(body);
		return withETag(ResponseEntity.created(URI.create("/api/v1/alarms/webhooks/" + created.id())), created);
	}

	@Operation(operationId = "updateAlarmWebhook",
			summary = "Replace an alarm webhook (ENGINEER, ADMIN); needs If-Match or version, 409 when stale; "
					+ "the secret is kept unless sent")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = AlarmWebhookSchemas.AlarmWebhookView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@ApiResponse(responseCode = "428", ref = "PreconditionRequired")
	@PutMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestBody @Schema(
					implementation = AlarmWebhookSchemas.AlarmWebhookRequest.class) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.webhooks.update(id, body, ifMatch));
	}

	@Operation(operationId = "deleteAlarmWebhook",
			summary = "Delete an alarm webhook (ENGINEER, ADMIN); its pending deliveries are discarded")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.webhooks.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response,
			StoredAlarmWebhook webhook) {
		return response.eTag(ETags.of(webhook.version())).body(webhook.toView());
	}

}
