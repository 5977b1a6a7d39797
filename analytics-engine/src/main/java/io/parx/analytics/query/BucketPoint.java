package io.parx.analytics.query;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One bucket of an aggregated series; only the requested aggregates are present.
 * {@code filled} marks a bucket without samples answered by gap filling.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BucketPoint(Instant time, Double avg, Double twa, Double min, Double max, Double first, Double last,
		Long count, Double sum, Double stddev, Double goodShare, Boolean filled) {

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
