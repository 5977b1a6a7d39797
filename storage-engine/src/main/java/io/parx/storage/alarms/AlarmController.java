package io.parx.storage.alarms;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.parx.common.alarm.ActiveAlarm;
import io.parx.common.audit.Actor;
import io.parx.common.audit.AuditTrail;
import io.parx.common.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Active alarms, the journal, acknowledging and shelving (docs/API.md, "Alarms"). Served
 * by the storage engine because it owns the alarm state and is its one writer; the web
 * gateway routes these paths here, the definitions to the admin-api.
 */
@RestController
@Tag(name = "Alarms", description = "Active alarms, journal, acknowledge, shelve; see docs/API.md")
class AlarmController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AlarmCatalog alarms;

	private final AlarmQueries queries;

	private final AlarmCommands commands;

	private final AuditTrail audit;

	private final AlarmSettings settings;

	private final Clock clock;

	AlarmController(AlarmCatalog alarms, AlarmQueries queries, AlarmCommands commands, AuditTrail audit,
			AlarmSettings settings, Clock clock) {
		this.alarms = alarms;
		this.queries = queries;
		this.commands = commands;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	@Operation(operationId = "listActiveAlarms",
			summary = "Alarms not in NORMAL (every role), most urgent and newest first, at most 10,000")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = AlarmSchemas.ActiveAlarms.class)))
	@GetMapping("/api/v1/alarms/active")
	Map<String, Object> active() {
		return Map.of("content", this.queries.active(this.alarms.get()));
	}

	@Operation(operationId = "queryAlarmJournal",
			summary = "Alarm transitions (every role), newest first; the range defaults to the last day, at most "
					+ "366 days; pages of at most 1,000")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = AlarmSchemas.JournalPage.class)))
	@ApiResponse(responseCode = "400", description = "/problems/validation naming the parameter")
	@GetMapping("/api/v1/alarms/journal")
	Map<String, Object> journal(
			@Parameter(description = "ISO-8601 UTC, inclusive; default to - 1 day") @RequestParam(
					required = false) String from,
			@Parameter(description = "ISO-8601 UTC, exclusive; default now") @RequestParam(required = false) String to,
			@Parameter(schema = @Schema(type = "integer", format = "int64")) @RequestParam(
					required = false) String channelId,
			@Parameter(schema = @Schema(type = "integer", format = "int64")) @RequestParam(
					required = false) String definitionId,
			@Parameter(description = "LOW, MEDIUM, HIGH, CRITICAL or 1-4") @RequestParam(
					required = false) String priority,
			@Parameter(description = "The state after the transition") @RequestParam(required = false) String state,
			@Parameter(description = "Contained in the message or name, case-insensitive") @RequestParam(
					required = false) String text,
			@Parameter(schema = @Schema(type = "integer", defaultValue = "0")) @RequestParam(
					required = false) String page,
			@Parameter(schema = @Schema(type = "integer", defaultValue = "100")) @RequestParam(
					required = false) String size) {
		return this.queries.journal(JournalFilter.read(from, to, channelId, definitionId, priority, state, text, page,
				size, this.clock.instant()));
	}

	@Operation(operationId = "acknowledgeAlarm",
			summary = "Acknowledge an alarm (every role), with an optional comment; audited with the user")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = AlarmSchemas.ActiveAlarm.class)))
	@ApiResponse(responseCode = "400", description = "/problems/validation")
	@ApiResponse(responseCode = "404", description = "/problems/not-found: no enabled alarm definition")
	@ApiResponse(responseCode = "409", description = "/problems/conflict: nothing to acknowledge")
	@ApiResponse(responseCode = "503", description = "/problems/alarms-unavailable or /problems/audit-unavailable")
	@PostMapping("/api/v1/alarms/{definitionId}/acknowledge")
	Map<String, Object> acknowledge(@PathVariable long definitionId, @RequestBody(required = false) @Schema(
			implementation = AlarmSchemas.AcknowledgeRequest.class) Map<String, Object> body) {
		Map<String, Object> fields = (body != null) ? body : Map.of();
		rejectUnknown(fields, Set.of("comment"));
		String comment = comment(fields.get("comment"));
		WatchedAlarm alarm = known(definitionId);
		// The evaluator audits it when it takes effect, and not at all when it does not.
		AlarmState state = this.commands
			.submit(AlarmCommand.acknowledge(this.audit, Actor.current(), definitionId, nowMicros(), comment));
		return body(AlarmQueries.activeView(state, alarm));
	}

	@Operation(operationId = "shelveAlarm",
			summary = "Shelve an alarm for a duration (ENGINEER, ADMIN): it raises nothing until then; PT0S unshelves")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = AlarmSchemas.ActiveAlarm.class)))
	@ApiResponse(responseCode = "400", description = "/problems/validation: duration missing or too long")
	@ApiResponse(responseCode = "404", description = "/problems/not-found: no enabled alarm definition")
	@ApiResponse(responseCode = "503", description = "/problems/alarms-unavailable or /problems/audit-unavailable")
	@PostMapping("/api/v1/alarms/{definitionId}/shelve")
	Map<String, Object> shelve(@PathVariable long definitionId,
			@RequestBody @Schema(implementation = AlarmSchemas.ShelveRequest.class) Map<String, Object> body) {
		rejectUnknown(body, Set.of("duration"));
		Duration duration = duration(body.get("duration"));
		WatchedAlarm alarm = known(definitionId);
		long now = nowMicros();
		Long until = duration.isZero() ? null : now + duration.toNanos() / 1000;
		AlarmState state = this.commands
			.submit(AlarmCommand.shelve(this.audit, Actor.current(), definitionId, now, until));
		return body(AlarmQueries.activeView(state, alarm));
	}

	/**
	 * The entry as a map: the OpenAPI document keeps describing these answers (and their
	 * errors) as it did before the entry became a record.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(ActiveAlarm alarm) {
		return JSON.convertValue(alarm, LinkedHashMap.class);
	}

	private WatchedAlarm known(long definitionId) {
		WatchedAlarm alarm = this.alarms.get().get(definitionId);
		if (alarm == null) {
			throw AlarmProblems.notFound(definitionId);
		}
		return alarm;
	}

	private Duration duration(Object value) {
		if (!(value instanceof String text)) {
			throw new InvalidInputException("duration", "is required: an ISO-8601 duration, e.g. PT1H");
		}
		Duration duration;
		try {
			duration = Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("duration", "must be an ISO-8601 duration, e.g. PT1H");
		}
		if (duration.isNegative() || duration.compareTo(this.settings.maxShelve()) > 0) {
			throw new InvalidInputException("duration", "must be between PT0S and " + this.settings.maxShelve());
		}
		return duration;
	}

	private static String comment(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text) || text.length() > 1000) {
			throw new InvalidInputException("comment", "must be a text of at most 1000 characters");
		}
		return text.isBlank() ? null : text.strip();
	}

	private static void rejectUnknown(Map<String, Object> body, Set<String> known) {
		for (String field : body.keySet()) {
			if (!known.contains(field)) {
				throw new InvalidInputException(field, "is not a known field");
			}
		}
	}

	private long nowMicros() {
		java.time.Instant now = this.clock.instant();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
	}

}
