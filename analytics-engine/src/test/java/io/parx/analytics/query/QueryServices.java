package io.parx.analytics.query;

import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.history.RollupReader;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;

/** Builds a {@link QueryService} outside Spring (benchmarks). */
public final class QueryServices {

	private QueryServices() {
	}

	public static QueryService create(SampleReader samples, RollupReader rollups, ChannelDirectory channels,
			AnalyticsSettings settings) {
		return new QueryService(samples, rollups, new Aggregator(samples, rollups, settings), channels, null, settings);
	}

}
