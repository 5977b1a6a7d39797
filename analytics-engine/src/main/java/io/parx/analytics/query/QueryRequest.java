package io.parx.analytics.query;

import java.time.Instant;
import java.util.List;

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
public record QueryRequest(List<Long> channelIds, List<Long> derivedSignalIds, Instant from, Instant to,
		String interval, List<String> aggregates, String gapFill, String timeZone, Integer maxPoints,
		String downsample) {

}
