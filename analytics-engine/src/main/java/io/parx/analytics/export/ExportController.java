package io.parx.analytics.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.analytics.batches.Batch;
import io.parx.analytics.batches.BatchRepository;
import io.parx.analytics.channels.ChannelDirectory.ChannelInfo;
import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.history.Micros;
import io.parx.analytics.history.Range;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.query.QueryRequest;
import io.parx.analytics.query.QueryService;
import io.parx.analytics.query.Series;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code POST /api/v1/analytics/export}: a query (channels, derived signals, raw or
 * aggregated) or a batch's data as CSV, JSON or XLSX. Raw rows stream from a database
 * cursor straight into the response; aggregated and derived answers are bounded by
 * maxPoints. Everything is validated before the first byte, so errors are still problem
 * details.
 */
@RestController
class ExportController {

	private final QueryService queries;

	private final SampleReader samples;

	private final BatchRepository batches;

	private final ChannelDirectory channels;

	private final AnalyticsSettings settings;

	ExportController(QueryService queries, SampleReader samples, BatchRepository batches, ChannelDirectory channels,
			AnalyticsSettings settings) {
		this.queries = queries;
		this.samples = samples;
		this.batches = batches;
		this.channels = channels;
		this.settings = settings;
	}

	/**
	 * Export request: {@code query} (as for /query; derived signals via
	 * derivedSignalIds), or {@code batchId} with {@code channelIds}.
	 */
	@Schema(description = "Either query, or batchId with channelIds")
	record ExportRequest(@Schema(description = "Default csv", allowableValues = {
			"csv", "json", "xlsx" }) String format,
			@Schema(description = "As for /query; raw unless it asks for an interval, downsampling or derived "
					+ "signals") QueryRequest query,
			@Schema(description = "Export this batch's raw data, start to end") Long batchId,
			@Schema(description = "The channels of the batch export") List<Long> channelIds){
	}

	/**
	 * A row of a JSON export, as the OpenAPI document describes it (CSV and XLSX have the
	 * same columns). Documentation only.
	 */
	@Schema(name = "ExportRow",
			description = "One point: time, series, id, name, then value and quality (raw) or the aggregates and filled "
					+ "(buckets); absent values are null",
			requiredProperties = { "time", "series", "id", "name" })
	record ExportRow(Instant time, @Schema(allowableValues = {
			"channel", "derived" }) String series, long id, String name,
			@Schema(types = { "number", "boolean", "string", "null" }) Object value,
			@Schema(nullable = true) Long quality, @Schema(nullable = true) Double avg,
			@Schema(nullable = true) Double twa, @Schema(nullable = true) Double min,
			@Schema(nullable = true) Double max, @Schema(nullable = true) Double first,
			@Schema(nullable = true) Double last, @Schema(nullable = true) Long count,
			@Schema(nullable = true) Double sum, @Schema(nullable = true) Double stddev,
			@Schema(nullable = true) Double goodShare, @Schema(nullable = true) Boolean filled){
	}

	@Operation(operationId = "exportData",
			summary = "A query's answer or a batch's data as a CSV, JSON or XLSX file (every role)",
			description = "The file is an attachment named parx-export-<from>-<to>.<ext> or "
					+ "parx-batch-<id>-<name>.<ext>; raw rows stream as they are read. Raw exports cover at most 31 "
					+ "days.")
	@ApiResponse(responseCode = "200",
			headers = @Header(name = "Content-Disposition", description = "attachment; filename=...",
					schema = @Schema(type = "string")),
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
					@Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = ExportRow.class))),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "413", ref = "TooLarge")
	@Tag(name = "History")
	@PostMapping("/api/v1/analytics/export")
	ResponseEntity<StreamingResponseBody> export(@RequestBody ExportRequest request) {
		ExportFormat format = ExportFormat.parse(request.format());
		if (request.batchId() != null) {
			Batch batch = this.batches.find(request.batchId())
				.orElseThrow(() -> Problems.notFound("batch", request.batchId()));
			List<Long> ids = (request.channelIds() != null) ? request.channelIds() : List.of();
			Instant end = (batch.end() != null) ? batch.end().plusNanos(1_000) : Clock.systemUTC().instant();
			String name = "parx-batch-" + batch.id() + "-" + safe((batch.name() != null) ? batch.name() : "");
			return raw(format, ids, batch.start(), end, name);
		}
		QueryRequest query = request.query();
		if (query == null) {
			throw Problems.validation("query", "give a query or a batchId");
		}
		String name = "parx-export-" + ExportFile.STAMP.format(nonNull(query.from(), "query.from")) + "-"
				+ ExportFile.STAMP.format(nonNull(query.to(), "query.to"));
		boolean raw = (query.interval() == null || query.interval().isBlank() || query.interval().equals("raw"))
				&& (query.downsample() == null || query.downsample().equalsIgnoreCase("none"))
				&& (query.derivedSignalIds() == null || query.derivedSignalIds().isEmpty());
		if (raw) {
			return raw(format, (query.channelIds() != null) ? query.channelIds() : List.of(), query.from(), query.to(),
					name);
		}
		List<Series> series = this.queries.query(query);
		return ExportFile.of(format, name, (writer) -> SeriesRows.write(series, writer));
	}

	private ResponseEntity<StreamingResponseBody> raw(ExportFormat format, List<Long> ids, Instant from, Instant to,
			String name) {
		if (ids.isEmpty() || ids.size() > this.settings.maxSeries()) {
			throw Problems.validation("channelIds", "name 1 to " + this.settings.maxSeries() + " channels");
		}
		Range range = Range.of(from, to, this.settings);
		if (Duration.between(range.from(), range.to()).compareTo(this.settings.maxExportRange()) > 0) {
			throw Problems.tooLarge("raw exports cover at most " + this.settings.maxExportRange().toDays() + " days",
					"export an aggregated query (interval 1m, 1h or 1d) or several shorter ranges");
		}
		Map<Long, ChannelInfo> infos = this.channels.require(ids);
		return ExportFile.of(format, name, (writer) -> {
			writer.header(SeriesRows.RAW_COLUMNS);
			for (long id : ids) {
				String channelName = infos.get(id).name();
				ExportFile.Rows rows = new ExportFile.Rows(writer);
				this.samples.stream(id, range.from(), range.to(), Long.MAX_VALUE,
						(time, value, numeric, quality) -> rows.row(Micros.toInstant(time), "channel", id, channelName,
								value, Integer.toUnsignedLong(quality)));
				rows.rethrow();
			}
		});
	}

	private static Instant nonNull(Instant time, String field) {
		if (time == null) {
			throw Problems.validation(field, "is required (ISO-8601 time)");
		}
		return time;
	}

	private static String safe(String text) {
		String cleaned = text.replaceAll("[^A-Za-z0-9._-]+", "_");
		return cleaned.substring(0, Math.min(cleaned.length(), 60));
	}

}
