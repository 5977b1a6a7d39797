package io.parx.admin.alarms;

import java.net.URI;
import java.util.List;
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
import org.springframework.http.HttpStatus;
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
 * Alarm definitions: {@code /api/v1/alarms/definitions}. Every role reads; ADMIN and
 * ENGINEER write (the admin-api's {@code AccessRules}: reads are open to every role,
 * changes to configurers).
 */
@RestController
@Tag(name = "Alarm definitions", description = "Alarms on channels; see docs/API.md, \"Alarms\"")
@RequestMapping("/api/v1/alarms/definitions")
class AlarmDefinitionController {

	private final AlarmDefinitionService definitions;

	AlarmDefinitionController(AlarmDefinitionService definitions) {
		this.definitions = definitions;
	}

	@Operation(operationId = "listAlarmDefinitions", summary = "List alarm definitions",
			description = "Ordered by name (sort is accepted and ignored).")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = AlarmSchemas.PagedAlarmDefinitions.class)))
	@GetMapping
	PagedModel<Map<String, Object>> list(@Parameter(description = "Only the definitions of this channel") @RequestParam(
			required = false) Long channelId, @ParameterObject @PageableDefault(size = 50) Pageable pageable) {
		return new PagedModel<>(this.definitions.list(channelId, pageable).map(StoredAlarmDefinition::toView));
	}

	@Operation(operationId = "getAlarmDefinition", summary = "One alarm definition, with its version as ETag")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = AlarmSchemas.AlarmDefinitionView.class)))
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.definitions.get(id));
	}

	@Operation(operationId = "createAlarmDefinition", summary = "Create an alarm definition (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = AlarmSchemas.AlarmDefinitionView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(
			@RequestBody @Schema(implementation = AlarmSchemas.AlarmDefinitionRequest.class) Map<String, Object> body) {
		StoredAlarmDefinition created = this.definitions.create(body);
		return withETag(ResponseEntity.created(URI.create("/api/v1/alarms/definitions/" + created.id())), created);
	}

	@Operation(operationId = "createAlarmDefinitionsForTag",
			summary = "Create one alarm definition per channel with a tag (ENGINEER, ADMIN); all or none")
	@ApiResponse(responseCode = "201",
			content = @Content(schema = @Schema(implementation = AlarmSchemas.BulkResult.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@PostMapping("/bulk")
	ResponseEntity<Map<String, List<Map<String, Object>>>> createForTag(
			@RequestBody @Schema(implementation = AlarmSchemas.BulkRequest.class) Map<String, Object> body) {
		List<Map<String, Object>> created = this.definitions.createForTag(body)
			.stream()
			.map(StoredAlarmDefinition::toView)
			.toList();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("created", created));
	}

	@Operation(operationId = "updateAlarmDefinition",
			summary = "Replace an alarm definition (ENGINEER, ADMIN); needs If-Match or version, 409 when stale")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = AlarmSchemas.AlarmDefinitionView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@ApiResponse(responseCode = "428", ref = "PreconditionRequired")
	@PutMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestBody @Schema(implementation = AlarmSchemas.AlarmDefinitionRequest.class) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.definitions.update(id, body, ifMatch));
	}

	@Operation(operationId = "deleteAlarmDefinition", summary = "Delete an alarm definition (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.definitions.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response,
			StoredAlarmDefinition definition) {
		return response.eTag(ETags.of(definition.version())).body(definition.toView());
	}

}
