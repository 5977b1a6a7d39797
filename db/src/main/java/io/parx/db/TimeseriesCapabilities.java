package io.parx.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * What the time-series database can do, detected once at start-up and logged. TimescaleDB
 * ships in two editions: the Apache-licensed one (hypertables, chunks,
 * {@code time_bucket}, {@code drop_chunks}) and the community one under the Timescale
 * licence, which adds compression, continuous aggregates and background policies. Plain
 * PostgreSQL has none of these and gets the fallback layout of the V1 migration.
 *
 * @param timescaleAvailable the server offers the {@code timescaledb} extension
 * @param timescaleInstalled the extension is created in this database
 * @param version the installed extension version, else the one offered, else {@code null}
 * @param licence {@code timescaledb.license}: {@code "apache"}, {@code "timescale"} or
 * {@code null} when unknown
 */
public record TimeseriesCapabilities(boolean timescaleAvailable, boolean timescaleInstalled, String version,
		String licence) {

	private static final String QUERY = """
			select
			  (select default_version from pg_available_extensions where name = 'timescaledb'),
			  (select extversion from pg_extension where extname = 'timescaledb'),
			  nullif(current_setting('timescaledb.license', true), '')
			""";

	/** Plain PostgreSQL, for tests and callers that know there is no TimescaleDB. */
	public static final TimeseriesCapabilities PLAIN_POSTGRES = new TimeseriesCapabilities(false, false, null, null);

	public TimeseriesCapabilities {
		if (timescaleInstalled && !timescaleAvailable) {
			throw new IllegalArgumentException("an installed extension is also available");
		}
	}

	/**
	 * Detects the capabilities of the database behind a data source.
	 * @throws IllegalStateException when the database cannot be queried
	 */
	public static TimeseriesCapabilities detect(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return detect(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot detect the time-series database's capabilities: " + ex.getMessage(),
					ex);
		}
	}

	/** Detects the capabilities of the database of an open connection (left open). */
	public static TimeseriesCapabilities detect(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(QUERY)) {
			row.next();
			String available = row.getString(1);
			String installed = row.getString(2);
			return new TimeseriesCapabilities(available != null || installed != null, installed != null,
					(installed != null) ? installed : available, row.getString(3));
		}
	}

	/** Samples can live in a hypertable ({@code create_hypertable}, chunk pruning). */
	public boolean supportsHypertables() {
		return this.timescaleInstalled;
	}

	/**
	 * Old data can be removed a chunk at a time ({@code drop_chunks}, Apache edition).
	 */
	public boolean supportsDropChunks() {
		return this.timescaleInstalled;
	}

	/** Native columnar compression (Timescale licence only). */
	public boolean supportsCompression() {
		return communityEdition();
	}

	/** Continuous aggregates, for rollups (Timescale licence only). */
	public boolean supportsContinuousAggregates() {
		return communityEdition();
	}

	/**
	 * Background policies: {@code add_retention_policy}, {@code add_compression_policy},
	 * continuous aggregate refresh (Timescale licence only).
	 */
	public boolean supportsPolicies() {
		return communityEdition();
	}

	private boolean communityEdition() {
		return this.timescaleInstalled && "timescale".equals(this.licence);
	}

	/** One line for the start-up log. */
	public String describe() {
		if (!this.timescaleAvailable) {
			return "time-series database: plain PostgreSQL (TimescaleDB not available; samples in a table with a BRIN index on time)";
		}
		if (!this.timescaleInstalled) {
			return "time-series database: TimescaleDB " + this.version
					+ " available but not created in this database; plain PostgreSQL layout";
		}
		return "time-series database: TimescaleDB " + this.version + " (licence " + this.licence
				+ "): hypertables yes, " + "compression " + yesNo(supportsCompression()) + ", continuous aggregates "
				+ yesNo(supportsContinuousAggregates()) + ", policies " + yesNo(supportsPolicies());
	}

	private static String yesNo(boolean value) {
		return value ? "yes" : "no";
	}

}
