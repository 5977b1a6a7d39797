package io.parx.analytics.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.parx.common.problem.Problems;
import io.parx.analytics.system.TimeseriesDb;

/**
 * Reads raw rows of the {@code samples} table (db module, time-series V1) over a
 * half-open range [from, to). Large reads stream with a fetch size inside a read-only
 * transaction; every read has a row limit.
 */
@Component
public class SampleReader {

	private static final String COLUMNS = "select time, value_num, value_bool, value_text, quality from samples ";

	/**
	 * Rows per round trip of a streamed read: a raw answer (at most maxPoints rows) comes
	 * in one, and a driver buffer of this many rows stays around 10 MB.
	 */
	private static final int FETCH_SIZE = 50_000;

	private final TimeseriesDb db;

	public SampleReader(TimeseriesDb db) {
		this.db = db;
	}

	/** Receives rows one by one. */
	@FunctionalInterface
	public interface RowHandler {

		void row(long timeMicros, Object value, double numeric, int quality);

	}

	/**
	 * Streams the rows of one channel in time order.
	 * @return the number of rows read, at most {@code limit}
	 */
	public long stream(long channelId, Instant from, Instant to, long limit, RowHandler handler) {
		Long count = this.db.readOnly().execute((status) -> {
			long[] rows = { 0 };
			this.db.jdbc().query((connection) -> {
				var statement = BinaryStatements.prepare(connection,
						COLUMNS + "where channel_id = ? and time >= ? and time < ? order by time limit ?");
				statement.setFetchSize(FETCH_SIZE);
				statement.setLong(1, channelId);
				statement.setObject(2, Micros.sql(from));
				statement.setObject(3, Micros.sql(to));
				statement.setLong(4, limit);
				return statement;
			}, (ResultSet rs) -> {
				rows[0]++;
				Object value = value(rs);
				handler.row(Micros.of(rs.getTimestamp(1)), value, numeric(value), rs.getInt(5));
			});
			return rows[0];
		});
		return (count != null) ? count : 0;
	}

	/** The raw points of one channel; 413 when there are more than {@code limit}. */
	public List<RawPoint> raw(long channelId, Instant from, Instant to, int limit) {
		List<RawPoint> points = new ArrayList<>();
		stream(channelId, from, to, limit + 1L, (time, value, numeric, quality) -> points
			.add(new RawPoint(Micros.toInstant(time), value, Integer.toUnsignedLong(quality))));
		if (points.size() > limit) {
			throw Problems.tooLarge("channel " + channelId + " has more than " + limit + " samples in the range",
					"ask for an interval (1s, 1m, 1h, 1d or auto) or a downsampled answer (downsample: lttb or minmax with maxPoints)");
		}
		return points;
	}

	/** Numeric values of one channel (booleans as 1/0, text and bad samples NaN). */
	public NumericSeries numeric(long channelId, Instant from, Instant to, int limit) {
		NumericSeries series = new NumericSeries(1024);
		long rows = stream(channelId, from, to, limit + 1L,
				(time, value, numeric, quality) -> series.add(time, numeric, quality));
		if (rows > limit) {
			throw Problems.tooLarge("channel " + channelId + " has more than " + limit + " samples in the range",
					"ask for a shorter range or a coarser interval");
		}
		return series;
	}

	/**
	 * Numeric values of several channels in one statement (issue 15: a chart of ten
	 * channels paid ten statements, plans and round trips for its raw views): one scan of
	 * the (channel_id, time) key in key order, each channel's rows in time order. Text is
	 * not read (it is NaN here anyway). A channel without rows in the range is absent;
	 * 413 when one has more than {@code limit}.
	 */
	public Map<Long, NumericSeries> numeric(Collection<Long> channelIds, Instant from, Instant to, int limit) {
		Map<Long, NumericSeries> result = new HashMap<>();
		long[] current = { Long.MIN_VALUE };
		NumericSeries[] series = { null };
		this.db.readOnly().executeWithoutResult((status) -> this.db.jdbc().query((connection) -> {
			var statement = BinaryStatements.prepare(connection,
					"select channel_id, time, value_num, value_bool, quality from samples where channel_id = any(?) "
							+ "and time >= ? and time < ? order by channel_id, time limit ?");
			statement.setFetchSize(FETCH_SIZE);
			statement.setArray(1, connection.createArrayOf("int8", channelIds.toArray()));
			statement.setObject(2, Micros.sql(from));
			statement.setObject(3, Micros.sql(to));
			statement.setLong(4, (limit + 1L) * channelIds.size());
			return statement;
		}, (ResultSet rs) -> {
			long channelId = rs.getLong(1);
			if (channelId != current[0]) {
				current[0] = channelId;
				series[0] = new NumericSeries(1024);
				result.put(channelId, series[0]);
			}
			if (series[0].size() == limit) {
				throw Problems.tooLarge("channel " + channelId + " has more than " + limit + " samples in the range",
						"ask for a shorter range or a coarser interval");
			}
			double number = rs.getDouble(3);
			if (rs.wasNull()) {
				boolean bool = rs.getBoolean(4);
				number = rs.wasNull() ? Double.NaN : (bool ? 1 : 0);
			}
			series[0].add(Micros.of(rs.getTimestamp(2)), number, rs.getInt(5));
		}));
		return result;
	}

	/**
	 * The last sample strictly before {@code time}, as a one-point series (maybe empty).
	 */
	public NumericSeries before(long channelId, Instant time) {
		NumericSeries series = new NumericSeries(1);
		this.db.jdbc()
			.query(COLUMNS + "where channel_id = ? and time < ? order by time desc limit 1", (ResultSet rs) -> {
				series.add(Micros.of(rs.getTimestamp(1)), numeric(value(rs)), rs.getInt(5));
			}, channelId, Micros.sql(time));
		return series;
	}

	static Object value(ResultSet rs) throws SQLException {
		double number = rs.getDouble(2);
		if (!rs.wasNull()) {
			return number;
		}
		boolean bool = rs.getBoolean(3);
		if (!rs.wasNull()) {
			return bool;
		}
		return rs.getString(4);
	}

	static double numeric(Object value) {
		return switch (value) {
			case Double number -> number;
			case Boolean bool -> bool ? 1 : 0;
			case null, default -> Double.NaN;
		};
	}

}
