package io.parx.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.parx.analytics.system.ConfigDb;
import io.parx.analytics.system.TimeseriesDb;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TimeseriesBackend;

/**
 * Generated plant history, created once per backend and JVM: a config database with three
 * channels and a time-series database with their samples, rollups built from the raw rows
 * by SQL of its own (the storage engine's definition, time-series V2), and batches. Tests
 * compute their expectations from {@link #temp} and {@link #pressure} directly, never
 * through the code under test.
 *
 * <ul>
 * <li>Furnace Temp: every 10 s for three days from {@link #START} (over the Berlin
 * daylight-saving switch of 2026-03-29), a smooth wave plus a saw tooth; every 97th
 * sample bad (no value, Bad_CommunicationError).</li>
 * <li>Pressure: every 15 s, 7 s after the minute grid, with a two-hour gap on the first
 * day (10:00 to 12:00 UTC).</li>
 * <li>Counter: one sample per hour, boolean-free integers 0, 1, 2, ...</li>
 * </ul>
 */
public final class HistoryFixture {

	public static final Instant START = Instant.parse("2026-03-28T00:00:00Z");

	public static final Instant END = START.plusSeconds(3 * 86_400);

	public static final Instant GAP_START = START.plusSeconds(10 * 3600);

	public static final Instant GAP_END = START.plusSeconds(12 * 3600);

	public static final int BAD_QUALITY = 0x80050000;

	private static final Map<TimeseriesBackend, HistoryFixture> FIXTURES = new EnumMap<>(TimeseriesBackend.class);

	public final TestDatabase timeseriesDatabase;

	public final TestDatabase configDatabase;

	public final TimeseriesDb timeseries;

	public final ConfigDb config;

	public final long tempId;

	public final long pressureId;

	public final long counterId;

	public final List<Point> temp = new ArrayList<>();

	public final List<Point> pressure = new ArrayList<>();

	public final List<Point> counter = new ArrayList<>();

	/** A generated sample; {@code value} is NaN for a bad one. */
	public record Point(Instant time, double value, int quality) {

		public boolean isDefined() {
			return !Double.isNaN(this.value);
		}

	}

	public static synchronized HistoryFixture on(TimeseriesBackend backend) {
		return FIXTURES.computeIfAbsent(backend, HistoryFixture::new);
	}

	private HistoryFixture(TimeseriesBackend backend) {
		this.timeseriesDatabase = TestDatabases.createTimeseriesDb(backend);
		this.configDatabase = TestDatabases.createConfigDb();
		DriverManagerDataSource ts = new DriverManagerDataSource(this.timeseriesDatabase.jdbcUrl(),
				this.timeseriesDatabase.username(), this.timeseriesDatabase.password());
		this.timeseries = new TimeseriesDb(new JdbcTemplate(ts),
				new TransactionTemplate(new DataSourceTransactionManager(ts)));
		this.config = ConfigDb.on(new DriverManagerDataSource(this.configDatabase.jdbcUrl(),
				this.configDatabase.username(), this.configDatabase.password()));
		this.tempId = channel("Furnace Temp", "°C");
		this.pressureId = channel("Pressure", "bar");
		this.counterId = channel("Counter", "");
		generate();
		try (Connection connection = this.timeseriesDatabase.connect()) {
			insert(connection, this.tempId, this.temp);
			insert(connection, this.pressureId, this.pressure);
			insert(connection, this.counterId, this.counter);
			try (Statement statement = connection.createStatement()) {
				statement.execute(rollupSql("rollup_10s", "10 seconds"));
				statement.execute(rollupSql("rollup_1m", "1 minute"));
				statement.execute(rollupSql("rollup_10m", "10 minutes"));
				statement.execute(rollupSql("rollup_1h", "1 hour"));
				statement.execute("insert into batch (definition_id, name, start_time, end_time) values "
						+ "(1, 'COIL-1001', '2026-03-28T01:00:00Z', '2026-03-28T01:10:00Z'), "
						+ "(1, 'COIL-1002', '2026-03-28T02:00:00Z', '2026-03-28T02:05:00Z'), "
						+ "(2, 'SLAB-7', '2026-03-29T05:00:00Z', null)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long channel(String name, String unit) {
		return this.config.jdbc()
			.sql("insert into channel (name, unit, data_type, protocol) values (?, ?, 'FLOAT64', 'SIMULATOR') "
					+ "returning id")
			.params(name, unit)
			.query(Long.class)
			.single();
	}

	private void generate() {
		long seconds = END.getEpochSecond() - START.getEpochSecond();
		for (int i = 0; i * 10L < seconds; i++) {
			Instant time = START.plusSeconds(i * 10L);
			boolean bad = i % 97 == 96;
			double value = 50 + 20 * Math.sin(i / 50.0) + (i % 7);
			this.temp.add(new Point(time, bad ? Double.NaN : value, bad ? BAD_QUALITY : 0));
		}
		for (int i = 0; 7 + i * 15L < seconds; i++) {
			Instant time = START.plusSeconds(7 + i * 15L);
			if (!time.isBefore(GAP_START) && time.isBefore(GAP_END)) {
				continue;
			}
			this.pressure.add(new Point(time, (i % 20) / 10.0, 0));
		}
		for (int i = 0; i * 3600L < seconds; i++) {
			this.counter.add(new Point(START.plusSeconds(i * 3600L), i, 0));
		}
	}

	private static void insert(Connection connection, long channelId, List<Point> points) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("insert into samples (channel_id, time, value_num, quality) values (?, ?, ?, ?)")) {
			for (Point point : points) {
				statement.setLong(1, channelId);
				statement.setObject(2, OffsetDateTime.ofInstant(point.time(), ZoneOffset.UTC));
				if (point.isDefined()) {
					statement.setDouble(3, point.value());
				}
				else {
					statement.setNull(3, Types.DOUBLE);
				}
				statement.setInt(4, point.quality());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * The storage engine's rollup definition (time-series V2 and V3), computed from raw
	 * rows.
	 */
	private static String rollupSql(String table, String width) {
		String bucket = "date_bin('" + width + "', time, timestamptz '2000-01-01 00:00:00+00')";
		return "insert into " + table + " (channel_id, bucket, sample_count, value_sum, value_min, value_max, "
				+ "first_time, first_value, last_time, last_value, twa_integral) "
				+ "select channel_id, b, count(*), sum(v), min(v), max(v), min(time), (array_agg(v order by time))[1], "
				+ "max(time), (array_agg(v order by time desc))[1], "
				+ "coalesce(sum(v * extract(epoch from (nt - time))) filter (where nt is not null), 0) "
				+ "from (select channel_id, time, value_num as v, " + bucket + " as b, "
				+ "lead(time) over (partition by channel_id, " + bucket + " order by time) as nt "
				+ "from samples where value_num is not null) s group by channel_id, b";
	}

}
