package io.parx.analytics.stats;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Statistics of one channel over a range, of its numeric samples; {@code goodShare} is
 * over all samples. {@code twa} weights each value by the time until the next sample;
 * percentiles interpolate linearly ({@code percentile_cont}).
 */
@Schema(description = "Statistics of the numeric samples of a range; null where there are none",
		requiredProperties = { "channelId", "from", "to", "samples", "count", "avg", "twa", "min", "minTime", "max",
				"maxTime", "stddev", "p50", "p95", "p99", "goodShare" })
public record Statistics(long channelId, Instant from, Instant to,
		@Schema(description = "All samples of the range") long samples,
		@Schema(description = "The numeric samples") long count, @Schema(nullable = true) Double avg,
		@Schema(description = "Time-weighted average", nullable = true) Double twa, @Schema(nullable = true) Double min,
		@Schema(nullable = true) Instant minTime, @Schema(nullable = true) Double max,
		@Schema(nullable = true) Instant maxTime, @Schema(nullable = true) Double stddev,
		@Schema(nullable = true) Double p50, @Schema(nullable = true) Double p95, @Schema(nullable = true) Double p99,
		@Schema(description = "Share of samples of good quality, 0 to 1", nullable = true) Double goodShare) {

}
