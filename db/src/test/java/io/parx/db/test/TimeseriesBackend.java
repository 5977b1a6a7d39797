package io.parx.db.test;

/** The two time-series backends ParX supports; schema and storage tests run on both. */
public enum TimeseriesBackend {

	/** TimescaleDB: samples in a hypertable. */
	TIMESCALE,

	/** Plain PostgreSQL: the documented fallback layout. */
	POSTGRES;

	public TestServices.Postgres server() {
		return this == TIMESCALE ? TestServices.timescale() : TestServices.postgres();
	}

}
