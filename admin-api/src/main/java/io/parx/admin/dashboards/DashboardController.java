package io.parx.admin.dashboards;

import java.net.URI;
import java.util.Map;

import io.parx.admin.channels.ETags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dashboards: {@code /api/v1/dashboards}. Every role reads and exports what it may see;
 * ADMIN and ENGINEER create, import, change and delete.
 */
@RestController
@Tag(name = "Dashboards", description = "Dashboards with owner and visibility, portable templates; see docs/API.md")
@RequestMapping("/api/v1/dashboards")
class DashboardController {

	static final String WRITERS = "hasAnyRole('ADMIN','ENGINEER')";

	private final DashboardService dashboards;

	private final DashboardTemplates templates;

	DashboardController(DashboardService dashboards, DashboardTemplates templates) {
		this.dashboards = dashboards;
		this.templates = templates;
	}

	@Operation(summary = "List the dashboards you may see (shared ones and your own)")
	@GetMapping
	PagedModel<Map<String, Object>> list(@RequestParam(required = false) String name,
			@PageableDefault(size = 50) Pageable pageable) {
		String filter = (name == null || name.isBlank()) ? null : name.strip();
		return new PagedModel<>(this.dashboards.list(Viewer.current(), filter, pageable).map(Dashboard::toView));
	}

	@Operation(summary = "One dashboard, with its version as ETag; private ones of others are 404")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.dashboards.get(id, Viewer.current()));
	}

	@Operation(summary = "Create a dashboard owned by you")
	@PostMapping
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
		Dashboard created = this.dashboards.create(body, Viewer.current());
		return withETag(ResponseEntity.created(URI.create("/api/v1/dashboards/" + created.id())), created);
	}

	@Operation(summary = "Replace a dashboard (owner or ADMIN); needs If-Match or version")
	@PutMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.dashboards.update(id, body, ifMatch, Viewer.current()));
	}

	@Operation(summary = "Delete a dashboard (owner or ADMIN)")
	@DeleteMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.dashboards.delete(id, ifMatch, Viewer.current());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Export a portable template that names channels instead of ids")
	@PostMapping("/{id}/export")
	Map<String, Object> export(@PathVariable long id) {
		return this.templates.export(id, Viewer.current());
	}

	@Operation(
			summary = "Import a template: re-binds channels by name, reports unresolved bindings, updates the dashboard of the same uid")
	@PostMapping("/import")
	@PreAuthorize(WRITERS)
	ResponseEntity<DashboardTemplates.Imported> importTemplate(@RequestBody Map<String, Object> template) {
		DashboardTemplates.Imported imported = this.templates.importTemplate(template, Viewer.current());
		return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK).body(imported);
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response,
			Dashboard dashboard) {
		return response.eTag(ETags.of(dashboard.version())).body(dashboard.toView());
	}

}
