package io.parx.analytics.stats;

import java.time.Instant;

import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.history.Range;
import io.parx.analytics.system.AnalyticsSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/analytics/channels/{id}/stats?from=&to=}. */
@RestController
class StatsController {

	private final StatsRepository repository;

	private final ChannelDirectory channels;

	private final AnalyticsSettings settings;

	StatsController(StatsRepository repository, ChannelDirectory channels, AnalyticsSettings settings) {
		this.repository = repository;
		this.channels = channels;
		this.settings = settings;
	}

	@Operation(operationId = "getChannelStatistics", summary = "Statistics of a channel over a range (every role)")
	@Tag(name = "History")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "413", ref = "TooLarge")
	@GetMapping("/api/v1/analytics/channels/{id}/stats")
	Statistics stats(@PathVariable long id,
			@Parameter(description = "Inclusive", required = true) @RequestParam(required = false) Instant from,
			@Parameter(description = "Exclusive", required = true) @RequestParam(required = false) Instant to) {
		Range range = Range.of(from, to, this.settings);
		this.channels.require(java.util.List.of(id));
		return this.repository.statistics(id, range.from(), range.to());
	}

}
