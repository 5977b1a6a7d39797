package io.parx.analytics.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.parx.analytics.system.TimeseriesDb;

/**
 * Reads the storage engine's rollups, so that aggregates of one minute and more never
 * scan raw rows.
 */
@Component
public class RollupReader {

	/**
	 * The rollup tables, finest first (time-series V2 and V3). Adjacent levels differ by
	 * a factor 6 or 10.
	 */
	public enum Level {

		TEN_SECONDS("rollup_10s", 10_000_000L), MINUTE("rollup_1m", 60_000_000L),
		TEN_MINUTES("rollup_10m", 600_000_000L), HOUR("rollup_1h", 3_600_000_000L);

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

		/**
		 * The coarsest level whose buckets are no wider than {@code micros}, or null when
		 * even the finest is wider.
		 */
		public static Level coarsestWithin(long micros) {
			Level fitting = null;
			for (Level level : values()) {
				if (level.micros <= micros) {
					fitting = level;
				}
			}
			return fitting;
		}

	}

	/**
	 * Rows per round trip: a year of hourly rows of six channels, about 10 MB in the
	 * driver.
	 */
	private static final int FETCH_SIZE = 50_000;

	private final TimeseriesDb db;

	public RollupReader(TimeseriesDb db) {
		this.db = db;
	}

	/** Receives rollup rows channel by channel, each channel's rows in bucket order. */
	@FunctionalInterface
	public interface RowHandler {

		void row(long channelId, RollupRow row);

	}

	/**
	 * Streams the rollup rows of several channels whose bucket starts in [from, to),
	 * grouped by channel and in bucket order within a channel, in one statement: one
	 * index scan on (channel_id, bucket) instead of one statement, plan and result set
	 * per channel. Only the given columns are read; the others are NaN in the rows, and
	 * the first and last sample times the bucket start.
	 */
	public void stream(Level level, Collection<Long> channelIds, Instant from, Instant to, Set<RollupColumn> columns,
			RowHandler handler) {
		StringBuilder sql = new StringBuilder("select channel_id, bucket, sample_count");
		int[] index = new int[RollupColumn.values().length];
		int next = 4;
		for (RollupColumn column : columns) {
			sql.append(", ").append(column.sql);
			index[column.ordinal()] = next;
			next += (column == RollupColumn.SAMPLE_TIMES) ? 2 : 1;
		}
		sql.append(" from ")
			.append(level.table())
			.append(" where channel_id = any(?) and bucket >= ? and bucket < ? order by channel_id, bucket");
		this.db.readOnly().executeWithoutResult((status) -> this.db.jdbc().query((connection) -> {
			PreparedStatement statement = BinaryStatements.prepare(connection, sql.toString());
			// Streamed: a request may ask for 50 channels of 100,000 buckets each.
			statement.setFetchSize(FETCH_SIZE);
			statement.setArray(1, connection.createArrayOf("int8", channelIds.toArray()));
			statement.setObject(2, Micros.sql(from));
			statement.setObject(3, Micros.sql(to));
			return statement;
		}, (ResultSet rs) -> {
			long bucket = Micros.of(rs.getTimestamp(2));
			int times = index[RollupColumn.SAMPLE_TIMES.ordinal()];
			long first = (times > 0) ? Micros.of(rs.getTimestamp(times)) : bucket;
			long last = (times > 0) ? Micros.of(rs.getTimestamp(times + 1)) : bucket;
			handler.row(rs.getLong(1),
					new RollupRow(bucket, rs.getLong(3), read(rs, index, RollupColumn.SUM),
							read(rs, index, RollupColumn.MIN), read(rs, index, RollupColumn.MAX), first,
							read(rs, index, RollupColumn.FIRST_VALUE), last, read(rs, index, RollupColumn.LAST_VALUE),
							read(rs, index, RollupColumn.TWA_INTEGRAL)));
		}));
	}

	/**
	 * A double column, NaN when it is not read or null (an integral awaiting
	 * recomputation).
	 */
	private static double read(ResultSet rs, int[] index, RollupColumn column) throws SQLException {
		int position = index[column.ordinal()];
		if (position == 0) {
			return Double.NaN;
		}
		double value = rs.getDouble(position);
		return rs.wasNull() ? Double.NaN : value;
	}

	/**
	 * A chart series read from a rollup, with the number of samples its buckets
	 * summarise.
	 */
	public record Chart(NumericSeries series, long samples) {
	}

	/**
	 * Chart series of several channels from the rollup, in one statement: per bucket its
	 * average, or (for min-max) its minimum at the bucket start and maximum at the bucket
	 * middle. Reads one timestamp per row, a third of what {@link #stream} decodes. A
	 * channel without rows in the range is absent.
	 */
	public Map<Long, Chart> chartSeries(Level level, Collection<Long> channelIds, Instant from, Instant to,
			boolean minMax) {
		Map<Long, Chart> charts = new HashMap<>();
		String sql = "select channel_id, bucket, sample_count, value_sum, value_min, value_max from " + level.table()
				+ " where channel_id = any(?) and bucket >= ? and bucket < ? and sample_count > 0"
				+ " order by channel_id, bucket";
		long[] current = { Long.MIN_VALUE, 0 };
		NumericSeries[] series = { null };
		this.db.readOnly().executeWithoutResult((status) -> this.db.jdbc().query((connection) -> {
			PreparedStatement statement = BinaryStatements.prepare(connection, sql);
			statement.setFetchSize(FETCH_SIZE);
			statement.setArray(1, connection.createArrayOf("int8", channelIds.toArray()));
			statement.setObject(2, Micros.sql(from));
			statement.setObject(3, Micros.sql(to));
			return statement;
		}, (ResultSet rs) -> {
			long channelId = rs.getLong(1);
			if (channelId != current[0]) {
				if (series[0] != null) {
					charts.put(current[0], new Chart(series[0], current[1]));
				}
				current[0] = channelId;
				current[1] = 0;
				series[0] = new NumericSeries(1024);
			}
			long bucket = Micros.of(rs.getTimestamp(2));
			long count = rs.getLong(3);
			current[1] += count;
			if (minMax) {
				series[0].add(bucket, rs.getDouble(5), 0);
				series[0].add(bucket + level.micros() / 2, rs.getDouble(6), 0);
			}
			else {
				series[0].add(bucket, rs.getDouble(4) / count, 0);
			}
		}));
		if (series[0] != null) {
			charts.put(current[0], new Chart(series[0], current[1]));
		}
		return charts;
	}

	/**
	 * Numeric samples of several channels in the range, counted from the hourly rollup (a
	 * few rows each for the short ranges it is asked about): decides whether downsampling
	 * can afford raw rows. A channel without samples is absent.
	 */
	public Map<Long, Long> estimateCounts(Collection<Long> channelIds, Instant from, Instant to) {
		Map<Long, Long> counts = new HashMap<>();
		this.db.jdbc().query((connection) -> {
			PreparedStatement statement = connection.prepareStatement("select channel_id, sum(sample_count) "
					+ "from rollup_1h where channel_id = any(?) and bucket >= ? and bucket < ? group by channel_id");
			statement.setArray(1, connection.createArrayOf("int8", channelIds.toArray()));
			statement.setObject(2, Micros.sql(from.minusSeconds(3600)));
			statement.setObject(3, Micros.sql(to));
			return statement;
		}, (ResultSet rs) -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		return counts;
	}

}
