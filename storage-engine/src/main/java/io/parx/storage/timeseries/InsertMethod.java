package io.parx.storage.timeseries;

/**
 * How the writer hands rows to PostgreSQL; measured in docs/PERFORMANCE.md ("Storage
 * ingest").
 */
public enum InsertMethod {

	/**
	 * Binary COPY straight into {@code samples}, rollups aggregated in Java. A duplicate
	 * key (a redelivered batch) aborts the COPY; the transaction is then redone with
	 * {@link #COPY_STAGING}, which skips the rows already there. The default: the common
	 * case runs at the speed of COPY.
	 */
	DIRECT_COPY,

	/** Binary COPY into a temporary staging table, then insert from it. */
	COPY_STAGING,

	/** One prepared insert selecting from {@code unnest} of six array parameters. */
	UNNEST

}
