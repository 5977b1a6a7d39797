package io.parx.storage.timeseries;

/**
 * The rollup tables the storage engine keeps current (time-series V2 and V3), finest
 * first. Adjacent levels differ by a factor 6 or 10, so a chart can always read a level
 * whose buckets are no wider than a pixel without reading more than 6-10 rows per pixel
 * (docs/ARCHITECTURE.md, "Rollups").
 */
enum RollupLevel {

	TEN_SECONDS("rollup_10s", "10 seconds", 10_000_000L), MINUTE("rollup_1m", "1 minute", 60_000_000L),
	TEN_MINUTES("rollup_10m", "10 minutes", 600_000_000L), HOUR("rollup_1h", "1 hour", 3_600_000_000L);

	final String table;

	/** The bucket width as a PostgreSQL interval. */
	final String width;

	final long micros;

	RollupLevel(String table, String width, long micros) {
		this.table = table;
		this.width = width;
		this.micros = micros;
	}

}
