package io.parx.admin.channels;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * I/O channels: {@code /api/v1/io/channels}. Everyone signed in reads; ADMIN and ENGINEER
 * write. Updates need the edited version ({@code If-Match} or {@code version}).
 */
@RestController
@Tag(name = "I/O channels", description = "Signals of the plant and their protocol settings; see docs/API.md")
@RequestMapping("/api/v1/io/channels")
class ChannelController {

	static final String WRITERS = "hasAnyRole('ADMIN','ENGINEER')";

	private final ChannelService channels;

	private final ChannelImport imports;

	private final ChannelTester tester;

	ChannelController(ChannelService channels, ChannelImport imports, ChannelTester tester) {
		this.channels = channels;
		this.imports = imports;
		this.tester = tester;
	}

	@Operation(summary = "List channels, filtered by name, tag, protocol, device, collector, enabled")
	@GetMapping
	PagedModel<Map<String, Object>> list(@RequestParam(required = false) String name,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String protocol,
			@RequestParam(required = false) String device, @RequestParam(required = false) String collector,
			@RequestParam(required = false) Boolean enabled, @PageableDefault(size = 50) Pageable pageable) {
		ChannelFilter filter = new ChannelFilter(blankToNull(name), blankToNull(tag), protocol(protocol),
				blankToNull(device), blankToNull(collector), enabled);
		return new PagedModel<>(this.channels.list(filter, pageable).map(Channel::toView));
	}

	@Operation(summary = "One channel, with its version as ETag; secrets are never returned")
	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return withETag(ResponseEntity.ok(), this.channels.get(id));
	}

	@Operation(summary = "Create a channel; 400 names every bad field")
	@PostMapping
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
		Channel created = this.channels.create(body);
		return withETag(ResponseEntity.created(URI.create("/api/v1/io/channels/" + created.id())), created);
	}

	@Operation(
			summary = "Replace a channel; needs If-Match or version, 409 when stale; a missing password keeps the stored one")
	@PutMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return withETag(ResponseEntity.ok(), this.channels.update(id, body, ifMatch));
	}

	@Operation(summary = "Delete a channel")
	@DeleteMapping("/{id}")
	@PreAuthorize(WRITERS)
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.channels.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Read the channel once, live, through the collector: value, quality, latency or the reason")
	@PostMapping("/{id}/test")
	@PreAuthorize(WRITERS)
	Map<String, Object> test(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.tester.test(this.channels.get(id), authorization);
	}

	@Operation(summary = "Bulk create or update by name from CSV; per-row errors")
	@PostMapping(path = "/import", consumes = "text/csv")
	@PreAuthorize(WRITERS)
	ChannelImport.Result importCsv(@RequestBody String csv) {
		return this.imports.importRows(CsvRows.parse(csv));
	}

	@Operation(summary = "Bulk create or update by name from a JSON array; per-row errors")
	@PostMapping(path = "/import", consumes = "application/json")
	@PreAuthorize(WRITERS)
	ChannelImport.Result importJson(@RequestBody List<Object> rows) {
		return this.imports.importRows(rows);
	}

	private static ResponseEntity<Map<String, Object>> withETag(ResponseEntity.BodyBuilder response, Channel channel) {
		return response.eTag(ETags.of(channel.version())).body(channel.toView());
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
