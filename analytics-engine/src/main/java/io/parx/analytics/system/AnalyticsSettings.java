package io.parx.analytics.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep every analytics request bounded in time and memory; a request beyond
 * them is answered with 413 and a hint instead of running out of memory.
 *
 * @param maxRange longest time range of one query, statistics or derived request
 * @param maxRawRange longest range of a raw query that is not downsampled
 * @param maxPoints most points (raw values or buckets) per series in one answer
 * @param maxRawPoints most raw rows read for one series (raw answers, derived inputs)
 * @param maxDownsampleInput most points a downsampling pass reads for one series; beyond
 * it, LTTB and min-max read the 1-minute or 1-hour rollups instead of raw rows
 * @param maxSeries most channels and derived signals in one request
 * @param maxExportRange longest range of a raw export (streamed, never held in memory)
 */
@ConfigurationProperties("parx.analytics")
public record AnalyticsSettings(@DefaultValue("400d") Duration maxRange, @DefaultValue("7d") Duration maxRawRange,
		@DefaultValue("100000") int maxPoints, @DefaultValue("1000000") int maxRawPoints,
		@DefaultValue("500000") int maxDownsampleInput, @DefaultValue("50") int maxSeries,
		@DefaultValue("31d") Duration maxExportRange) {

	public static AnalyticsSettings defaults() {
		return new AnalyticsSettings(Duration.ofDays(400), Duration.ofDays(7), 100_000, 1_000_000, 500_000, 50,
				Duration.ofDays(31));
	}

}
