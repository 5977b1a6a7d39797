package io.parx.analytics.batches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.channels.ChannelDirectory.ChannelInfo;
import io.parx.analytics.history.RawPoint;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.Problems;

/** Batch (coil) navigation: list, one batch, and its data for chosen channels. */
@RestController
@Tag(name = "Batches", description = "Production batches (coils) and their data")
@RequestMapping("/api/v1/analytics/batches")
class BatchController {

	private final BatchRepository batches;

	private final SampleReader samples;

	private final ChannelDirectory channels;

	private final AnalyticsSettings settings;

	BatchController(BatchRepository batches, SampleReader samples, ChannelDirectory channels,
			AnalyticsSettings settings) {
		this.batches = batches;
		this.samples = samples;
		this.channels = channels;
		this.settings = settings;
	}

	record Page<T>(List<T> content, int page, int size, long totalElements) {
	}

	/** The list answer, as the OpenAPI document describes it. Documentation only. */
	@Schema(name = "PagedBatches", requiredProperties = { "content", "page", "size", "totalElements" })
	record PagedBatches(List<Batch> content, int page, int size, long totalElements) {
	}

	/**
	 * A point of batch data; {@code offset} is seconds since the batch start when asked
	 * for.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(description = "time, or offset when relative was asked for", requiredProperties = { "quality" })
	record BatchPoint(Instant time, @Schema(description = "Seconds since the batch start") Double offset,
			@Schema(description = "Absent when the quality is bad", types = {
					"number", "boolean", "string" }) Object value,
			@Schema(description = "OPC UA StatusCode as an unsigned number: 0 Good") long quality){
	}

	@Schema(requiredProperties = { "channelId", "name", "unit", "points" })
	record BatchSeries(long channelId, String name, String unit, List<BatchPoint> points) {
	}

	@Schema(requiredProperties = { "batch", "relative", "series" })
	record BatchData(Batch batch, boolean relative, List<BatchSeries> series) {
	}

	@Operation(operationId = "listBatches", summary = "Batches overlapping a range, newest first (every role)")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PagedBatches.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@GetMapping
	Page<Batch> list(@Parameter(description = "Inclusive") @RequestParam(required = false) Instant from,
			@Parameter(description = "Exclusive") @RequestParam(required = false) Instant to,
			@Parameter(description = "Part of the name (any case) or the id") @RequestParam(
					required = false) String search,
			@RequestParam(required = false) Long definitionId,
			@Parameter(description = "From 0",
					schema = @Schema(type = "integer", format = "int32", minimum = "0",
							defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500",
					defaultValue = "50")) @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw Problems.validation("page", "must be 0 or more");
		}
		if (size < 1 || size > 500) {
			throw Problems.validation("size", "must be 1 to 500");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw Problems.validation("to", "must not be before from");
		}
		BatchRepository.Filter filter = new BatchRepository.Filter(from, to, search, definitionId);
		return new Page<>(this.batches.page(filter, page, size), page, size, this.batches.count(filter));
	}

	@Operation(operationId = "getBatch", summary = "One batch (every role)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	Batch one(@PathVariable long id) {
		return this.batches.find(id).orElseThrow(() -> Problems.notFound("batch", id));
	}

	@Operation(operationId = "getBatchData",
			summary = "Raw data of channels from the batch's start to its end (an open batch: until now) (every role)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "413", ref = "TooLarge")
	@GetMapping("/{id}/data")
	BatchData data(@PathVariable long id,
			@Parameter(description = "1 to maxSeries (50) channels") @RequestParam List<Long> channelIds,
			@Parameter(description = "Seconds since the start (offset) instead of time") @RequestParam(
					defaultValue = "false") boolean relative,
			@Parameter(description = "Most points per channel; default and most 100000") @RequestParam(
					required = false) Integer maxPoints) {
		Batch batch = one(id);
		if (channelIds.isEmpty() || channelIds.size() > this.settings.maxSeries()) {
			throw Problems.validation("channelIds", "name 1 to " + this.settings.maxSeries() + " channels");
		}
		int limit = (maxPoints != null) ? maxPoints : this.settings.maxPoints();
		if (limit < 1 || limit > this.settings.maxPoints()) {
			throw Problems.validation("maxPoints", "must be 1 to " + this.settings.maxPoints());
		}
		Map<Long, ChannelInfo> infos = this.channels.require(channelIds);
		Instant end = (batch.end() != null) ? batch.end().plusNanos(1_000) : Clock.systemUTC().instant();
		List<BatchSeries> series = new ArrayList<>();
		for (long channelId : channelIds) {
			ChannelInfo info = infos.get(channelId);
			List<BatchPoint> points = new ArrayList<>();
			for (RawPoint point : this.samples.raw(channelId, batch.start(), end, limit)) {
				Double offset = relative ? Duration.between(batch.start(), point.time()).toNanos() / 1e9 : null;
				points.add(new BatchPoint(relative ? null : point.time(), offset, point.value(), point.quality()));
			}
			series.add(new BatchSeries(channelId, info.name(), info.unit(), points));
		}
		return new BatchData(batch, relative, series);
	}

}
