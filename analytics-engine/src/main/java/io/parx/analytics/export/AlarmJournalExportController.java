package io.parx.analytics.export;

import java.time.Clock;
import java.util.LinkedHashMap;
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

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.parx.analytics.system.AnalyticsSettings;
import io.parx.analytics.system.TimeseriesDb;
import io.parx.common.alarm.AlarmJournalEntry;
import io.parx.common.alarm.AlarmRows;
import io.parx.common.alarm.JournalQuery;
import io.parx.common.problem.Problems;

/**
 * {@code GET /api/v1/analytics/export/alarm-journal}: the alarm journal as a CSV, JSON or
 * XLSX file, with the filters of the storage engine's {@code GET /api/v1/alarms/journal}
 * (common's {@link JournalQuery}) and without its paging: oldest first, streamed from a
 * database cursor, at most {@code maxRawPoints} entries (counted before the first byte,
 * so a larger answer is a 413 and not a cut file).
 */
@RestController
class AlarmJournalExportController {

	static final List<String> COLUMNS = List.of("time", "definitionId", "name", "channelId", "event", "state",
			"priority", "value", "message", "user", "comment");

	/** Entries a round trip of the cursor. */
	private static final int FETCH_SIZE = 10_000;

	private final TimeseriesDb db;

	private final AnalyticsSettings settings;

	AlarmJournalExportController(TimeseriesDb db, AnalyticsSettings settings) {
		this.db = db;
		this.settings = settings;
	}

	@Operation(operationId = "exportAlarmJournal",
			summary = "The alarm journal as a CSV, JSON or XLSX file (every role), oldest first",
			description = "The filters of GET /api/v1/alarms/journal (storage engine), without paging: the range "
					+ "defaults to the last day and spans at most 366 days; at most maxRawPoints (1,000,000) entries. "
					+ "The file is an attachment named parx-alarm-journal-<from>-<to>.<ext>.")
	@ApiResponse(responseCode = "200",
			headers = @Header(name = "Content-Disposition", description = "attachment; filename=...",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
					@Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = AlarmJournalEntry.class))),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "413", ref = "TooLarge")
	@Tag(name = "History")
	@GetMapping("/api/v1/analytics/export/alarm-journal")
	ResponseEntity<StreamingResponseBody> export(
			@Parameter(description = "csv (default), json or xlsx") @RequestParam(required = false) String format,
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
					required = false) String text) {
		ExportFormat exportFormat = ExportFormat.parse(format);
		JournalQuery query = JournalQuery.read(from, to, channelId, definitionId, priority, state, text,
				Clock.systemUTC().instant());
		Map<String, Object> params = new LinkedHashMap<>();
		String where = query.where(params);
		long entries = count(where, params);
		if (entries > this.settings.maxRawPoints()) {
			throw Problems.tooLarge(
					"the range holds " + entries + " journal entries, more than " + this.settings.maxRawPoints(),
					"export a shorter range or filter by channel, priority or state");
		}
		String name = "parx-alarm-journal-" + ExportFile.STAMP.format(query.from()) + "-"
				+ ExportFile.STAMP.format(query.to());
		return ExportFile.of(exportFormat, name, (writer) -> {
			writer.header(COLUMNS);
			ExportFile.Rows rows = new ExportFile.Rows(writer);
			stream("select * from alarm_journal" + where + " order by time, definition_id, event", params, rows);
			rows.rethrow();
		});
	}

	private long count(String where, Map<String, Object> params) {
		ParsedSql sql = NamedParameterUtils.parseSqlStatement("select count(*) from alarm_journal" + where);
		MapSqlParameterSource source = new MapSqlParameterSource(params);
		Long count = this.db.jdbc()
			.queryForObject(NamedParameterUtils.substituteNamedParameters(sql, source), Long.class,
					NamedParameterUtils.buildValueArray(sql, source, null));
		return (count != null) ? count : 0;
	}

	/** Streams the rows with a fetch size, which needs a transaction on PostgreSQL. */
	private void stream(String namedSql, Map<String, Object> params, ExportFile.Rows rows) {
		ParsedSql sql = NamedParameterUtils.parseSqlStatement(namedSql);
		MapSqlParameterSource source = new MapSqlParameterSource(params);
		Object[] values = NamedParameterUtils.buildValueArray(sql, source, null);
		String positional = NamedParameterUtils.substituteNamedParameters(sql, source);
		this.db.readOnly().executeWithoutResult((status) -> this.db.jdbc().query((connection) -> {
			var statement = connection.prepareStatement(positional);
			statement.setFetchSize(FETCH_SIZE);
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			return statement;
		}, (java.sql.ResultSet rs) -> {
			AlarmJournalEntry entry = AlarmRows.entry(rs);
			rows.row(entry.time(), entry.definitionId(), entry.name(), entry.channelId(), entry.event(), entry.state(),
					entry.priority().name(), entry.value(), entry.message(), entry.user(), entry.comment());
		}));
	}

}
