package io.parx.admin.dashboards;

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
 * Dashboards: {@code /api/v1/dashboards}. Every role reads and exports what it may see;
 * ADMIN and ENGINEER create, import, change and delete.
 */
@RestController
@Tag(name = "Dashboards", description = "Dashboards with owner and visibility, portable templates; see docs/API.md")
@RequestMapping("/api/v1/dashboards")
class DashboardController {

	private final DashboardService dashboards;

	private final DashboardTemplates templates;

	DashboardController(DashboardService dashboards, DashboardTemplates templates) {
		this.dashboards = dashboards;
		this.templates = templates;
	}

	@Operation(operationId = "listDashboards", summary = "List the dashboards you may see (shared ones and your own)",
			description = "Ordered by name (sort is accepted and ignored).")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = DashboardSchemas.Paged.class)))
	@GetMapping
	PagedModel<Map<String, Object>> list(
			@Parameter(description = "Part of the name, any case") @RequestParam(required = false) String name,
			@ParameterObject @PageableDefault(size = 50) Pageable pageable) {
		String filter = (name == null || name.isBlank()) ? null : name.strip();
		return new PagedModel<>(this.dashboards.list(Viewer.current(), filter, pageable).map(Dashboard::toView));
	}

	@Operation(operationId = "getDashboard",
			summary = "One dashboard, with its version as ETag; private ones of others are 404")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = DashboardSchemas.DashboardView.class)))
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.dashboards.get(id, Viewer.current()));
	}

	@Operation(operationId = "createDashboard", summary = "Create a dashboard owned by you (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = DashboardSchemas.DashboardView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(
			@RequestBody @Schema(implementation = DashboardSchemas.Request.class) Map<String, Object> body) {
		Dashboard created = this.dashboards.create(body, Viewer.current());
		return withETag(ResponseEntity.created(URI.create("/api/v1/dashboards/" + created.id())), created);
	}

	@Operation(operationId = "updateDashboard",
			summary = "Replace a dashboard (its owner or ADMIN); needs If-Match or version")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = DashboardSchemas.DashboardView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@ApiResponse(responseCode = "428", ref = "PreconditionRequired")
	@PutMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestBody @Schema(implementation = DashboardSchemas.Request.class) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.dashboards.update(id, body, ifMatch, Viewer.current()));
	}

	@Operation(operationId = "deleteDashboard", summary = "Delete a dashboard (its owner or ADMIN)")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.dashboards.delete(id, ifMatch, Viewer.current());
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "exportDashboard",
			summary = "Export a portable template that names channels instead of ids (every role)")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = DashboardSchemas.Template.class)))
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@PostMapping("/{id}/export")
	Map<String, Object> export(@PathVariable long id) {
		return this.templates.export(id, Viewer.current());
	}

	@Operation(operationId = "importDashboard",
			summary = "Import a template: binds channels by name, reports the names it cannot bind, updates the "
					+ "dashboard of the same uid (200) or creates one (201)")
	@ApiResponse(responseCode = "200", description = "Updated the dashboard of the template's uid")
	@ApiResponse(responseCode = "201", description = "Created a dashboard")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@PostMapping("/import")
	ResponseEntity<DashboardTemplates.Imported> importTemplate(
			@RequestBody @Schema(implementation = DashboardSchemas.Template.class) Map<String, Object> template) {
		DashboardTemplates.Imported imported = this.templates.importTemplate(template, Viewer.current());
		return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK).body(imported);
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response,
			Dashboard dashboard) {
		return response.eTag(ETags.of(dashboard.version())).body(dashboard.toView());
	}

}
