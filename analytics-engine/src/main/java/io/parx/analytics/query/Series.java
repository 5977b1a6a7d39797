package io.parx.analytics.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import io.parx.analytics.history.RawPoint;

/**
 * One series of a query answer.
 *
 * @param kind channel or derived
 * @param id the channel's or derived signal's id
 * @param name its name
 * @param unit its unit
 * @param interval raw or the bucket interval actually used
 * @param source where the points came from: raw, rollup_1m, rollup_1h, a downsampled
 * variant (raw+lttb, rollup_10s+lttb, rollup_10m+minmax, ...), or formula
 * @param points raw points ({@code time, value, quality}) or buckets
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = { "kind", "id", "name", "interval", "source", "points" })
public record Series(@Schema(allowableValues = {
		"channel", "derived" }) String kind, long id, String name, String unit,
		@Schema(description = "raw or the bucket interval used: 1s, 1m, 1h, 1d") String interval,
		@Schema(description = "raw, rollup_1m, rollup_1h, a downsampled variant such as raw+lttb, or formula") String source,
		@ArraySchema(schema = @Schema(
				description = "RawPoint for raw series and derived signals, BucketPoint for " + "aggregated channels",
				oneOf = { RawPoint.class, BucketPoint.class })) List<?> points){

}
