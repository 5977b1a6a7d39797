package io.parx.analytics.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.parx.analytics.system.ApiException;
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
			throw ApiException.tooLarge("channel " + channelId + " has more than " + limit + " samples in the range",
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
			throw ApiException.tooLarge("channel " + channelId + " has more than " + limit + " samples in the range",
					"ask for a shorter range or a coarser interval");
		}
		return series;
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
