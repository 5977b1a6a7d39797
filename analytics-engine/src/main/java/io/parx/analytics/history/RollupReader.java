package io.parx.analytics.history;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.parx.analytics.system.TimeseriesDb;

/**
 * Reads the storage engine's rollups, so that aggregates of one minute and more never
 * scan raw rows.
 */
@Component
public class RollupReader {

	/** The rollup tables, finest first. */
	public enum Level {

		MINUTE("rollup_1m", 60_000_000L), HOUR("rollup_1h", 3_600_000_000L);

		private final String table;

		private final long micros;

		Level(String table, long micros) {
			this.table = table;
			this.micros = micros;
		}

		public String table() {
			return this.table;
		}

		public long micros() {
			return this.micros;
		}

	}

	private final TimeseriesDb db;

	public RollupReader(TimeseriesDb db) {
		this.db = db;
	}

	/**
	 * The rollup rows of one channel whose bucket starts in [from, to), in time order.
	 * Without {@code sampleTimes} the first and last sample times are not read (they are
	 * set to the bucket start): only the time-weighted average needs them, and decoding
	 * timestamps is most of the cost of a long rollup read.
	 */
	public List<RollupRow> rows(Level level, long channelId, Instant from, Instant to, boolean sampleTimes) {
		List<RollupRow> rows = new ArrayList<>();
		String times = sampleTimes ? "first_time, last_time" : "null, null";
		this.db.jdbc()
			.query("select bucket, sample_count, value_sum, value_min, value_max, " + times
					+ ", first_value, last_value, twa_integral from " + level.table()
					+ " where channel_id = ? and bucket >= ? and bucket < ? order by bucket", (ResultSet rs) -> {
						long bucket = Micros.of(rs.getObject(1, OffsetDateTime.class));
						double integral = rs.getDouble(10);
						if (rs.wasNull()) {
							integral = Double.NaN;
						}
						long first = sampleTimes ? Micros.of(rs.getObject(6, OffsetDateTime.class)) : bucket;
						long last = sampleTimes ? Micros.of(rs.getObject(7, OffsetDateTime.class)) : bucket;
						rows.add(new RollupRow(bucket, rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
								first, rs.getDouble(8), last, rs.getDouble(9), integral));
					}, channelId, Micros.sql(from), Micros.sql(to));
		return rows;
	}

	/**
	 * A chart series from the rollup: per bucket its average, or (for min-max) its
	 * minimum at the bucket start and maximum at the bucket middle. Reads one timestamp
	 * per row, a third of what {@link #rows} decodes.
	 */
	public NumericSeries chartSeries(Level level, long channelId, Instant from, Instant to, boolean minMax) {
		NumericSeries series = new NumericSeries(1024);
		this.db.jdbc()
			.query("select bucket, sample_count, value_sum, value_min, value_max from " + level.table()
					+ " where channel_id = ? and bucket >= ? and bucket < ? and sample_count > 0 order by bucket",
					(ResultSet rs) -> {
						long bucket = Micros.of(rs.getObject(1, OffsetDateTime.class));
						if (minMax) {
							series.add(bucket, rs.getDouble(4), 0);
							series.add(bucket + level.micros() / 2, rs.getDouble(5), 0);
						}
						else {
							series.add(bucket, rs.getDouble(3) / rs.getLong(2), 0);
						}
					}, channelId, Micros.sql(from), Micros.sql(to));
		return series;
	}

	/**
	 * Numeric samples of one channel in the range, counted from the hourly rollup (a few
	 * thousand rows for a year): decides whether downsampling can afford raw rows.
	 */
	public long estimateCount(long channelId, Instant from, Instant to) {
		Long count = this.db.jdbc()
			.queryForObject(
					"select coalesce(sum(sample_count), 0) from rollup_1h "
							+ "where channel_id = ? and bucket >= ? and bucket < ?",
					Long.class, channelId, Micros.sql(from.minusSeconds(3600)), Micros.sql(to));
		return (count != null) ? count : 0;
	}

}
