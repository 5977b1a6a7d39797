package io.parx.bench.plant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.parx.bench.support.BenchDatabases;

/**
 * Compares the rows in TimescaleDB with the samples the stream audit counted, channel by
 * channel, once everything has drained. With one CONTINUOUS(0) rule every sample must be
 * exactly one row: a channel with fewer rows lost samples, one with more stored something
 * twice or something that was never published. {@code duplicates} counts keys that occur
 * more than once (the primary key should make it 0), {@code rollupCount} the samples
 * counted by {@code rollup_1m}, which must equal the rows.
 */
record LossCheck(long rows, long duplicates, long lost, long extra, int channelsDiffering, long rollupCount,
		long badQualityRows, long maxTimeMicros) {

	static LossCheck of(String tsUrl, StreamAudit audit, int channels) throws SQLException {
		try (Connection connection = BenchDatabases.connect(tsUrl);
				Statement statement = connection.createStatement()) {
			long[] stored = new long[channels + 1];
			long rows = 0;
			long outside = 0;
			try (ResultSet rs = statement.executeQuery("select channel_id, count(*) from samples group by 1")) {
				while (rs.next()) {
					long channel = rs.getLong(1);
					rows += rs.getLong(2);
					if (channel >= 1 && channel <= channels) {
						stored[(int) channel] = rs.getLong(2);
					}
					else {
						outside += rs.getLong(2);
					}
				}
			}
			long lost = 0;
			long extra = outside;
			int differing = 0;
			for (int c = 1; c <= channels; c++) {
				long published = audit.samplesOf(c);
				lost += Math.max(0, published - stored[c]);
				extra += Math.max(0, stored[c] - published);
				if (published != stored[c]) {
					differing++;
				}
			}
			// Walk the primary key in order: a hash aggregate over millions of keys with
			// the default work_mem spilled for more than ten minutes.
			statement.execute("set enable_hashagg = off");
			long distinct = single(statement, "select count(*) from (select distinct channel_id, time from samples) k");
			statement.execute("reset enable_hashagg");
			long rollup = single(statement, "select coalesce(sum(sample_count), 0) from rollup_1m");
			long bad = single(statement, "select count(*) from samples where quality <> 0");
			long maxTime = single(statement,
					"select coalesce((extract(epoch from max(time)) * 1000000)::int8, 0) from samples");
			return new LossCheck(rows, rows - distinct, lost, extra, differing, rollup, bad, maxTime);
		}
	}

	private static long single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
