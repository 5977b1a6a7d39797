package io.parx.admin.rules;

import java.net.URI;
import java.util.Map;

import io.parx.admin.channels.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

	static final String WRITERS = "hasAnyRole('ADMIN','ENGINEER')";

	private final BatchDefinitionService batches;

	BatchDefinitionController(BatchDefinitionService batches) {
		this.batches = batches;
	}

	@Operation(summary = "List batch definitions")
	@GetMapping
	PagedModel<Map<String, Object>> list(@PageableDefault(size = 50) Pageable pageable) {
		return new PagedModel<>(this.batches.list(pageable).map(BatchDefinition::toView));
	}

	@Operation(summary = "One batch definition, with its version as ETag")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.batches.get(id));
	}

	@Operation(summary = "Create a batch definition")
	@PostMapping
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
		BatchDefinition created = this.batches.create(body);
		return withETag(ResponseEntity.created(URI.create("/api/v1/storage/batch-definitions/" + created.id())),
				created);
	}

	@Operation(summary = "Replace a batch definition; needs If-Match or version, 409 when stale")
	@PutMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.batches.update(id, body, ifMatch));
	}

	@Operation(summary = "Delete a batch definition")
	@DeleteMapping("/{id}")
	@PreAuthorize(WRITERS)
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
