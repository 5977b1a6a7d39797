package io.parx.analytics.stats;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.stereotype.Repository;

import io.parx.analytics.system.TimeseriesDb;

/**
 * Statistics in one pass of SQL over the raw rows (the rollups cannot give percentiles),
 * plus two index lookups for the times of the extremes.
 */
@Repository
class StatsRepository {

	// Good quality: severity bits 00 (OPC UA Part 4 §7.39), i.e. 0 <= code < 0x40000000
	// as a signed int.
	private static final String SQL = """
			select count(*), count(v), avg(v), min(v), max(v), stddev_samp(v),
			       percentile_cont(array[0.5, 0.95, 0.99]) within group (order by v),
			       count(*) filter (where quality >= 0 and quality < 1073741824),
			       sum(v * extract(epoch from (next_time - time))) filter (where next_time is not null),
			       extract(epoch from (max(time) filter (where v is not null) - min(time) filter (where v is not null)))
			from (select time, value_num as v, quality,
			             case when value_num is not null
			                  then lead(time) over (partition by value_num is not null order by time) end as next_time
			      from samples where channel_id = ? and time >= ? and time < ?) s
			""";

	private final TimeseriesDb db;

	StatsRepository(TimeseriesDb db) {
		this.db = db;
	}

	Statistics statistics(long channelId, Instant from, Instant to) {
		OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
		OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
		return this.db.jdbc().queryForObject(SQL, (rs, row) -> {
			long samples = rs.getLong(1);
			long count = rs.getLong(2);
			Double min = number(rs, 4);
			Double max = number(rs, 5);
			Double[] percentiles = percentiles(rs.getArray(7));
			Double integral = number(rs, 9);
			Double span = number(rs, 10);
			Double avg = number(rs, 3);
			// A single numeric sample spans no time: its value is its own time-weighted
			// average.
			Double twa = (span != null && span > 0 && integral != null) ? Double.valueOf(integral / span) : avg;
			return new Statistics(channelId, from, to, samples, count, avg, twa, min,
					(min != null) ? timeOf(channelId, start, end, min) : null, max,
					(max != null) ? timeOf(channelId, start, end, max) : null, number(rs, 6), percentiles[0],
					percentiles[1], percentiles[2], (samples > 0) ? (double) rs.getLong(8) / samples : null);
		}, channelId, start, end);
	}

	/** The first time the channel had this value in the range. */
	private Instant timeOf(long channelId, OffsetDateTime start, OffsetDateTime end, double value) {
		return this.db.jdbc()
			.query("select time from samples where channel_id = ? and time >= ? and time < ? and value_num = ? "
					+ "order by time limit 1", (rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant(),
					channelId, start, end, value)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static Double number(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Double[] percentiles(Array array) throws SQLException {
		Double[] result = new Double[3];
		if (array != null) {
			Object[] values = (Object[]) array.getArray();
			for (int i = 0; i < Math.min(3, values.length); i++) {
				result[i] = (values[i] != null) ? ((Number) values[i]).doubleValue() : null;
			}
		}
		return result;
	}

}
