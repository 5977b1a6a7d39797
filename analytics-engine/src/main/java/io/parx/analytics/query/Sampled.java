package io.parx.analytics.query;

import io.parx.analytics.history.NumericSeries;

/**
 * A downsampled channel or a derived signal before it is written as points
 * ({@link Series}) or as columns ({@link ChartSeries}).
 */
record Sampled(String kind, long id, String name, String unit, String source, NumericSeries points) {

	Series toSeries(String interval) {
		return new Series(this.kind, this.id, this.name, this.unit, interval, this.source,
				QueryService.raw(this.points));
	}

}
