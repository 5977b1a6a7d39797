package io.parx.admin.dashboards;

import java.net.URI;
import java.util.Map;

import io.parx.admin.channels.ETags;

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
@RequestMapping("/api/v1/dashboards")
class DashboardController {

	static final String WRITERS = "hasAnyRole('ADMIN','ENGINEER')";

	private final DashboardService dashboards;

	private final DashboardTemplates templates;

	DashboardController(DashboardService dashboards, DashboardTemplates templates) {
		this.dashboards = dashboards;
		this.templates = templates;
	}

	@GetMapping
	PagedModel<Map<String, Object>> list(@RequestParam(required = false) String name,
			@PageableDefault(size = 50) Pageable pageable) {
		String filter = (name == null || name.isBlank()) ? null : name.strip();
		return new PagedModel<>(this.dashboards.list(Viewer.current(), filter, pageable).map(Dashboard::toView));
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.dashboards.get(id, Viewer.current()));
	}

	@PostMapping
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
		Dashboard created = this.dashboards.create(body, Viewer.current());
		return withETag(ResponseEntity.created(URI.create("/api/v1/dashboards/" + created.id())), created);
	}

	@PutMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.dashboards.update(id, body, ifMatch, Viewer.current()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.dashboards.delete(id, ifMatch, Viewer.current());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/export")
	Map<String, Object> export(@PathVariable long id) {
		return this.templates.export(id, Viewer.current());
	}

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
