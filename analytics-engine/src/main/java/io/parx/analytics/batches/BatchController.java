package io.parx.analytics.batches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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
import io.parx.analytics.system.ApiException;

/** Batch (coil) navigation: list, one batch, and its data for chosen channels. */
@RestController
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

	/**
	 * A point of batch data; {@code offset} is seconds since the batch start when asked
	 * for.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record BatchPoint(Instant time, Double offset, Object value, long quality) {
	}

	record BatchSeries(long channelId, String name, String unit, List<BatchPoint> points) {
	}

	record BatchData(Batch batch, boolean relative, List<BatchSeries> series) {
	}

	@GetMapping
	Page<Batch> list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String search, @RequestParam(required = false) Long definitionId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw ApiException.invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > 500) {
			throw ApiException.invalid("size", "must be 1 to 500");
		}
		BatchRepository.Filter filter = new BatchRepository.Filter(from, to, search, definitionId);
		return new Page<>(this.batches.page(filter, page, size), page, size, this.batches.count(filter));
	}

	@GetMapping("/{id}")
	Batch one(@PathVariable long id) {
		return this.batches.find(id).orElseThrow(() -> ApiException.notFound("batch", id));
	}

	@GetMapping("/{id}/data")
	BatchData data(@PathVariable long id, @RequestParam List<Long> channelIds,
			@RequestParam(defaultValue = "false") boolean relative, @RequestParam(required = false) Integer maxPoints) {
		Batch batch = one(id);
		if (channelIds.isEmpty() || channelIds.size() > this.settings.maxSeries()) {
			throw ApiException.invalid("channelIds", "name 1 to " + this.settings.maxSeries() + " channels");
		}
		int limit = (maxPoints != null) ? maxPoints : this.settings.maxPoints();
		if (limit < 1 || limit > this.settings.maxPoints()) {
			throw ApiException.invalid("maxPoints", "must be 1 to " + this.settings.maxPoints());
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
