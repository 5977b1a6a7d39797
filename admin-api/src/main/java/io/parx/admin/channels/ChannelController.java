package io.parx.admin.channels;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.data.web.SortDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
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

import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.common.config.channel.Protocol;
import io.parx.common.security.Role;

/**
 * I/O channels: {@code /api/v1/io/channels}. Everyone signed in reads; ADMIN and ENGINEER
 * write. Updates need the edited version ({@code If-Match} or {@code version}). Writing a
 * value to a device ({@code /write}) is for ADMIN and ENGINEER, and for OPERATOR on
 * channels that say {@code operatorWritable} ({@link ChannelWriter}).
 */
@RestController
@Tag(name = "I/O channels", description = "Signals of the plant and their protocol settings; see docs/API.md")
@RequestMapping("/api/v1/io/channels")
class ChannelController {

	/** 10000 rows of about 300 characters each, with room to spare. */
	static final int MAX_CSV_CHARS = 16 * 1024 * 1024;

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ChannelService channels;

	private final ChannelImport imports;

	private final ChannelTester tester;

	private final ChannelWriter writer;

	ChannelController(ChannelService channels, ChannelImport imports, ChannelTester tester, ChannelWriter writer) {
		this.channels = channels;
		this.imports = imports;
		this.tester = tester;
		this.writer = writer;
	}

	@Operation(operationId = "listChannels",
			summary = "List channels, filtered by name, tag, protocol, device, collector, enabled",
			description = "sort by name (the default), id, protocol, dataType, collector, createdAt or updatedAt, "
					+ "e.g. sort=name,desc; another property is a 400.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ChannelSchemas.Paged.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@GetMapping
	PagedModel<Map<String, Object>> list(
			@Parameter(description = "Part of the name, any case") @RequestParam(required = false) String name,
			@Parameter(description = "Carries this tag") @RequestParam(required = false) String tag,
			@Parameter(schema = @Schema(implementation = Protocol.class)) @RequestParam(
					required = false) String protocol,
			@Parameter(description = "Part of the Modbus host, OPC UA endpoint or MQTT broker") @RequestParam(
					required = false) String device,
			@Parameter(description = "Read by this collector instance") @RequestParam(
					required = false) String collector,
			@RequestParam(required = false) Boolean enabled,
			@ParameterObject @PageableDefault(size = 50) Pageable pageable) {
		ChannelFilter filter = filter(name, tag, protocol, device, collector, enabled);
		return new PagedModel<>(this.channels.list(filter, pageable).map(Channel::toView));
	}

	@Operation(operationId = "exportChannels",
			summary = "The channels of the list's filters as CSV in the import's column layout (every role)",
			description = "Columns: " + "name, description, unit, dataType, scale, offset, pollIntervalMs, enabled, "
					+ "collector, tags (separated by ;), protocol, version, then every protocol setting (the "
					+ "simulator's offset as settings.offset). Passwords are never written; importing a row without "
					+ "one keeps the stored password. At most 10000 channels: a larger selection is a 400 asking "
					+ "for a narrower filter.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@GetMapping(path = "/export", produces = { "text/csv", "application/problem+json" })
	ResponseEntity<String> export(
			@Parameter(description = "Part of the name, any case") @RequestParam(required = false) String name,
			@Parameter(description = "Carries this tag") @RequestParam(required = false) String tag,
			@Parameter(schema = @Schema(implementation = Protocol.class)) @RequestParam(
					required = false) String protocol,
			@Parameter(description = "Part of the Modbus host, OPC UA endpoint or MQTT broker") @RequestParam(
					required = false) String device,
			@Parameter(description = "Read by this collector instance") @RequestParam(
					required = false) String collector,
			@RequestParam(required = false) Boolean enabled, @Parameter(description = "As for the list, e.g. name,desc",
					array = @ArraySchema(schema = @Schema(type = "string"))) @SortDefault("name") Sort sort) {
		ChannelFilter filter = filter(name, tag, protocol, device, collector, enabled);
		Page<Channel> page = this.channels.list(filter, PageRequest.of(0, ChannelImport.MAX_ROWS, sort));
		if (page.getTotalElements() > ChannelImport.MAX_ROWS) {
			throw ConfigProblems.invalid("filter", "matches " + page.getTotalElements() + " channels; an export holds "
					+ "at most " + ChannelImport.MAX_ROWS + " (as an import does): narrow the filter");
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"channels.csv\"")
			.body(ChannelCsv.write(page.getContent()));
	}

	@Operation(operationId = "getChannel",
			summary = "One channel, with its version as ETag; secrets are never returned")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = ChannelSchemas.ChannelView.class)))
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.channels.get(id));
	}

	@Operation(operationId = "createChannel", summary = "Create a channel (ENGINEER, ADMIN); 400 names every bad field")
	@ApiResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = ChannelSchemas.ChannelView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "409", ref = "Conflict")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(
			@RequestBody @Schema(implementation = ChannelSchemas.Request.class) Map<String, Object> body) {
		Channel created = this.channels.create(body);
		return withETag(ResponseEntity.created(URI.create("/api/v1/io/channels/" + created.id())), created);
	}

	@Operation(operationId = "updateChannel",
			summary = "Replace a channel (ENGINEER, ADMIN); needs If-Match or version, 409 when stale; a missing "
					+ "password keeps the stored one")
	@ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"),
			content = @Content(schema = @Schema(implementation = ChannelSchemas.ChannelView.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@ApiResponse(responseCode = "428", ref = "PreconditionRequired")
	@PutMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id,
			@RequestBody @Schema(implementation = ChannelSchemas.Request.class) Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.channels.update(id, body, ifMatch));
	}

	@Operation(operationId = "deleteChannel",
			summary = "Delete a channel (ENGINEER, ADMIN), with its storage-rule memberships and batch definitions")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.channels.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "testChannel",
			summary = "Read the channel once, live, through the collector (ENGINEER, ADMIN): value, quality, latency "
					+ "or the reason")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ChannelSchemas.TestResult.class)))
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "502", ref = "CollectorUnavailable")
	@ApiResponse(responseCode = "503", ref = "CollectorUnavailable")
	@PostMapping("/{id}/test")
	Map<String, Object> test(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		return this.tester.test(this.channels.get(id), authorization);
	}

	@Operation(operationId = "writeChannel",
			summary = "Write a value to the channel's device through the collector and read it back (ENGINEER, ADMIN; "
					+ "OPERATOR when the channel says operatorWritable)",
			description = "Refused before anything is sent: a disabled or not writable channel is a 409 "
					+ "/problems/not-writable, an OPERATOR on a channel without operatorWritable a 403, a value of "
					+ "the wrong type or outside writeMin/writeMax a 400 naming value. Every write sent is audited "
					+ "(WRITE, entity channel) before the answer. A device that refuses is a 502 "
					+ "/problems/device-write-failed, one that does not answer a 504 /problems/device-timeout.")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ChannelSchemas.WriteResult.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "NotWritable")
	@ApiResponse(responseCode = "502", ref = "DeviceWriteFailed")
	@ApiResponse(responseCode = "503", ref = "CollectorUnavailable")
	@ApiResponse(responseCode = "504", ref = "DeviceTimeout")
	@PostMapping("/{id}/write")
	Map<String, Object> write(@PathVariable long id,
			@RequestBody @Schema(implementation = ChannelSchemas.WriteRequest.class) Map<String, Object> body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization) {
		if (body.size() != 1 || !body.containsKey("value")) {
			throw ConfigProblems.invalid(body.containsKey("value") ? "body" : "value",
					body.containsKey("value") ? "only value may be sent" : "is required");
		}
		return this.writer.write(this.channels.get(id), body.get("value"),
				Role.of(SecurityContextHolder.getContext().getAuthentication()), authorization);
	}

	@Operation(operationId = "importChannels",
			summary = "Bulk create or update by name (ENGINEER, ADMIN), from a JSON array or CSV; per-row errors",
			description = "Each row is its own transaction: good rows are stored even when others are rejected. "
					+ "CSV: RFC 4180 with a header row; the columns name, description, unit, dataType, scale, offset, "
					+ "pollIntervalMs, enabled, collector, tags (separated by ;), protocol, version, and every other "
					+ "column (optionally written settings.<field>) a protocol setting; empty cells are absent. "
					+ "At most 10000 rows and 16 MiB of CSV. Rows equal to the stored channel count as unchanged and "
					+ "store nothing, so re-importing an unchanged export changes nothing.")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@PostMapping(path = "/import", consumes = "text/csv")
	ChannelImport.Result importCsv(@RequestBody String csv) {
		if (csv.length() > MAX_CSV_CHARS) {
			throw ConfigProblems.invalid("body", "at most " + MAX_CSV_CHARS + " characters per import");
		}
		return this.imports.importRows(CsvRows.parse(csv));
	}

	@Operation(operationId = "importChannels")
	@PostMapping(path = "/import", consumes = "application/json")
	ChannelImport.Result importJson(@RequestBody @ArraySchema(maxItems = ChannelImport.MAX_ROWS,
			schema = @Schema(implementation = ChannelSchemas.Request.class)) List<Object> rows) {
		return this.imports.importRows(rows);
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response, Channel channel) {
		return response.eTag(ETags.of(channel.version())).body(channel.toView());
	}

	private static ChannelFilter filter(String name, String tag, String protocol, String device, String collector,
			Boolean enabled) {
		return new ChannelFilter(blankToNull(name), blankToNull(tag), protocol(protocol), blankToNull(device),
				blankToNull(collector), enabled);
	}

	private static Protocol protocol(String protocol) {
		if (protocol == null || protocol.isBlank()) {
			return null;
		}
		try {
			return Protocol.valueOf(protocol.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ConfigProblems.invalid("protocol", "must be one of " + List.of(Protocol.values()));
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
