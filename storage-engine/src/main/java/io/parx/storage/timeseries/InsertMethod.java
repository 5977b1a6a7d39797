package io.parx.storage.timeseries;

/**
 * How the writer hands rows to PostgreSQL. Both end in one
 * {@code insert ... on conflict do nothing}; measured in docs/PERFORMANCE.md ("Storage
 * ingest"), where COPY_STAGING won.
 */
public enum InsertMethod {

	/** Binary COPY into a temporary staging table, then insert from it. */
	COPY_STAGING,

	/** One prepared insert selecting from {@code unnest} of six array parameters. */
	UNNEST

}
