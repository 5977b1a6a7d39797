package io.parx.analytics.query;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/analytics/query}.
 *
 * @param channelIds channels to read
 * @param derivedSignalIds saved derived signals to evaluate like channels
 * @param from start of the range, inclusive (ISO-8601)
 * @param to end of the range, exclusive
 * @param interval raw (default), 1s, 1m, 1h, 1d or auto
 * @param aggregates for intervals: avg, twa, min, max, first, last, count, sum, stddev,
 * goodShare (default avg, min, max, count)
 * @param gapFill none (default), previous or linear
 * @param timeZone IANA zone that aligns 1d buckets (default UTC)
 * @param maxPoints most points per series (auto interval, downsampling)
 * @param downsample none (default), lttb or minmax, for raw answers
 */
@Schema(description = "At least one channel or derived signal, at most maxSeries (50) together",
		requiredProperties = { "from", "to" })
public record QueryRequest(List<Long> channelIds, List<Long> derivedSignalIds,
		@Schema(description = "Inclusive") Instant from, @Schema(description = "Exclusive") Instant to,
		@Schema(description = "Default raw; auto: the finest of 1s, 1m, 1h, 1d with at most maxPoints buckets",
				allowableValues = {
						"raw", "1s", "1m", "1h", "1d", "auto" }) String interval,
		@ArraySchema(
				schema = @Schema(allowableValues = { "avg", "twa", "min", "max", "first", "last", "count", "sum",
						"stddev", "goodShare" }),
				arraySchema = @Schema(
						description = "For intervals; default avg, min, max, " + "count")) List<String> aggregates,
		@Schema(description = "Default none", allowableValues = { "none", "previous", "linear" }) String gapFill,
		@Schema(description = "IANA zone that aligns 1d buckets; default UTC") String timeZone,
		@Schema(description = "Most points per series (auto interval, downsampling); default and most 100000",
				minimum = "3") Integer maxPoints,
		@Schema(description = "For raw answers; default none",
				allowableValues = { "none", "lttb", "minmax" }) String downsample){

}
