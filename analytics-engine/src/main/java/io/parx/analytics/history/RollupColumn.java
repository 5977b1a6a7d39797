package io.parx.analytics.history;

/**
 * The optional columns of a rollup row. Each column read costs the server and the driver
 * about as much per row as a good part of the scan (a year of hourly rows of 10 channels,
 * client time on the shared machine: 24 ms for channel and bucket, 54 ms with count, sum,
 * min and max, 94 ms with every column), so a read names only what its aggregates need;
 * channel, bucket and sample count are always read.
 */
public enum RollupColumn {

	SUM("value_sum"), MIN("value_min"), MAX("value_max"), FIRST_VALUE("first_value"), LAST_VALUE("last_value"),
	SAMPLE_TIMES("first_time, last_time"), TWA_INTEGRAL("twa_integral");

	final String sql;

	RollupColumn(String sql) {
		this.sql = sql;
	}

}
