package io.parx.analytics.query;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One bucket of an aggregated series; only the requested aggregates are present.
 * {@code filled} marks a bucket without samples answered by gap filling.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A bucket: its start and the aggregates asked for", requiredProperties = { "time" })
public record BucketPoint(@Schema(description = "Start of the bucket") Instant time, Double avg, Double twa, Double min,
		Double max, Double first, Double last, Long count, Double sum, Double stddev,
		@Schema(description = "Share of samples of good quality, 0 to 1") Double goodShare,
		@Schema(description = "true: a bucket without samples, answered by gap filling") Boolean filled) {

	double get(Aggregate aggregate) {
		Double value = switch (aggregate) {
			case AVG -> this.avg;
			case TWA -> this.twa;
			case MIN -> this.min;
			case MAX -> this.max;
			case FIRST -> this.first;
			case LAST -> this.last;
			case SUM -> this.sum;
			case STDDEV -> this.stddev;
			case GOOD_SHARE -> this.goodShare;
			case COUNT -> (this.count != null) ? this.count.doubleValue() : null;
		};
		return (value != null) ? value : Double.NaN;
	}

}
