package io.parx.analytics.stats;

import java.time.Instant;

/**
 * Statistics of one channel over a range, of its numeric samples; {@code goodShare} is
 * over all samples. {@code twa} weights each value by the time until the next sample;
 * percentiles interpolate linearly ({@code percentile_cont}).
 */
public record Statistics(long channelId, Instant from, Instant to, long samples, long count, Double avg, Double twa,
		Double min, Instant minTime, Double max, Instant maxTime, Double stddev, Double p50, Double p95, Double p99,
		Double goodShare) {

}
