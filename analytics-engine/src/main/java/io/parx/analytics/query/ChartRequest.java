package io.parx.analytics.query;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import io.parx.common.problem.Problems;

/**
 * Body of {@code POST /api/v1/analytics/chart}: what a trend chart shows, always
 * downsampled to about one point per pixel.
 *
 * @param channelIds channels to read
 * @param derivedSignalIds saved derived signals to evaluate like channels
 * @param from start of the range, inclusive (ISO-8601)
 * @param to end of the range, exclusive
 * @param maxPoints most points per series, the plot's width in pixels
 * @param downsample lttb (default) or minmax
 */
@Schema(description = "At least one channel or derived signal, at most maxSeries (50) together",
		requiredProperties = { "from", "to", "maxPoints" })
public record ChartRequest(List<Long> channelIds, List<Long> derivedSignalIds,
		@Schema(description = "Inclusive") Instant from, @Schema(description = "Exclusive") Instant to,
		@Schema(description = "Most points per series: the plot's width in pixels", minimum = "3",
				maximum = "100000") Integer maxPoints,
		@Schema(description = "Default lttb", allowableValues = {
				"lttb", "minmax" }) String downsample){

	QueryRequest toQuery() {
		if (this.maxPoints == null) {
			throw Problems.validation("maxPoints", "required: the plot's width in pixels");
		}
		String mode = (this.downsample == null || this.downsample.isBlank()) ? "lttb" : this.downsample;
		if (Downsample.parse("downsample", mode) == Downsample.NONE) {
			throw Problems.validation("downsample", "must be lttb or minmax");
		}
		return new QueryRequest(this.channelIds, this.derivedSignalIds, this.from, this.to, "raw", null, null, null,
				this.maxPoints, mode);
	}

}
