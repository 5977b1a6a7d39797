package io.parx.analytics.history;

/**
 * One row of {@code rollup_1m} or {@code rollup_1h} (storage engine, time-series V2),
 * over the numeric samples of one bucket. {@code twaIntegral} is the integral of the step
 * function from {@code firstTime} to {@code lastTime} in value x seconds, NaN while the
 * storage engine recomputes it after late data.
 */
public record RollupRow(long bucket, long count, double sum, double min, double max, long firstTime, double firstValue,
		long lastTime, double lastValue, double twaIntegral) {

}
