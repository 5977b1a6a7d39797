package io.parx.admin.rules;

import java.net.URI;
import java.util.Map;

import io.parx.admin.request.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Storage rules: {@code /api/v1/storage/rules}. Every role reads; ADMIN and ENGINEER
 * write.
 */
@RestController
@Tag(name = "Storage rules", description = "How channels are historised; see docs/API.md")
@RequestMapping("/api/v1/storage/rules")
class StorageRuleController {

	private final StorageRuleService rules;

	StorageRuleController(StorageRuleService rules) {
		this.rules = rules;
	}

	@Operation(operationId = "listStorageRules", summary = "List storage rules, filtered by name or channel",
			description = "Ordered by name (sort is accepted and ignored).")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = RuleSchemas.PagedStorageRules.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@GetMapping
	PagedModel<Map<String, Object>> list(
			@Parameter(description = "Part of the name, any case") @RequestParam(required = false) String name,
			@Parameter(description = "Rules that select this channel") @RequestParam(required = false) Long channelId,
			@ParameterObject @PageableDefault(size = 50) Pageable pageable) {
		String filter = (name == null || name.isBlank()) ? null : name.strip();
		return new PagedModel<>(this.rules.list(filter, channelId, pageable).map(StorageRule::toView));
	}

	@Operation(operationId = "getStorageRule", summary = "One storage rule, with its version as ETag")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = RuleSchemas.StorageRuleView.class)))
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.rules.get(id));
	}

	@Operation(operationId = "createStorageRule",
			summary = "Create a storage rule (ENGINEER, ADMIN); a trigger formula is parsed, a syntax error gives its "
					+ "position")
	@ApiResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = RuleSchemas.StorageRuleView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "409", ref = "Conflict")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(
			@RequestBody @Schema(implementation = RuleSchemas.StorageRuleRequest.class) Map<String, Object> body) {
		StorageRule created = this.rules.create(body);
		return withETag(ResponseEntity.created(URI.create("/api/v1/storage/rules/" + created.id())), created);
	}

	@Operation(operationId = "updateStorageRule",
			summary = "Replace a storage rule (ENGINEER, ADMIN); needs If-Match or version, 409 when stale")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = RuleSchemas.StorageRuleView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@ApiResponse(responseCode = "428", ref = "PreconditionRequired")
	@PutMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestBody @Schema(implementation = RuleSchemas.StorageRuleRequest.class) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.rules.update(id, body, ifMatch));
	}

	@Operation(operationId = "deleteStorageRule", summary = "Delete a storage rule (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.rules.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response, StorageRule rule) {
		return response.eTag(ETags.of(rule.version())).body(rule.toView());
	}

}
