package io.parx.admin.rules;

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
 * Batch (coil) definitions: {@code /api/v1/storage/batch-definitions}. Every role reads;
 * ADMIN and ENGINEER write.
 */
@RestController
@Tag(name = "Batch definitions", description = "Production batch (coil) definitions; see docs/API.md")
@RequestMapping("/api/v1/storage/batch-definitions")
class BatchDefinitionController {

	private final BatchDefinitionService batches;

	BatchDefinitionController(BatchDefinitionService batches) {
		this.batches = batches;
	}

	@Operation(operationId = "listBatchDefinitions", summary = "List batch definitions",
			description = "Ordered by name (sort is accepted and ignored).")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = RuleSchemas.PagedBatchDefinitions.class)))
	@GetMapping
	PagedModel<Map<String, Object>> list(@ParameterObject @PageableDefault(size = 50) Pageable pageable) {
		return new PagedModel<>(this.batches.list(pageable).map(BatchDefinition::toView));
	}

	@Operation(operationId = "getBatchDefinition", summary = "One batch definition, with its version as ETag")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = RuleSchemas.BatchDefinitionView.class)))
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.batches.get(id));
	}

	@Operation(operationId = "createBatchDefinition", summary = "Create a batch definition (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = RuleSchemas.BatchDefinitionView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "409", ref = "Conflict")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(
			@RequestBody @Schema(implementation = RuleSchemas.BatchDefinitionRequest.class) Map<String, Object> body) {
		BatchDefinition created = this.batches.create(body);
		return withETag(ResponseEntity.created(URI.create("/api/v1/storage/batch-definitions/" + created.id())),
				created);
	}

	@Operation(operationId = "updateBatchDefinition",
			summary = "Replace a batch definition (ENGINEER, ADMIN); needs If-Match or version, 409 when stale")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = RuleSchemas.BatchDefinitionView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@ApiResponse(responseCode = "428", ref = "PreconditionRequired")
	@PutMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestBody @Schema(implementation = RuleSchemas.BatchDefinitionRequest.class) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.batches.update(id, body, ifMatch));
	}

	@Operation(operationId = "deleteBatchDefinition", summary = "Delete a batch definition (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.batches.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response,
			BatchDefinition rule) {
		return response.eTag(ETags.of(rule.version())).body(rule.toView());
	}

}
