package io.parx.storage.timeseries;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TimeseriesBackend;

import static io.parx.storage.timeseries.TimeseriesWriterTests.assertRollupMatchesRaw;

/**
 * Time-series V3 adds the 10 s and 10 min rollups to a database that already holds
 * history: what it backfills must equal what the writer would have kept (issue 15).
 */
class RollupBackfillTests {

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void upgradedDatabaseHasTenSecondAndTenMinuteRollupsThatMatchTheRawRows(TimeseriesBackend backend)
			throws SQLException {
		// Irregular samples (0-20 s apart, some without a numeric value) over three
		// hours: 10-minute buckets merge minute rows with gaps between them, the case
		// where the integral needs the steps between consecutive minutes.
		TestDatabase db = TestDatabases.createEmpty(backend);
		migrate(db, "2");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into samples (channel_id, time, value_num, quality)
					select c, timestamptz '2026-03-01 10:00:00Z' + make_interval(secs => s),
					    case when s::int % 13 = 0 then null else round((sin(s / 100.0 + c) * 50)::numeric, 2) end,
					    case when s::int % 13 = 0 then -2147483648 else 0 end
					from generate_series(1, 3) c,
					    lateral (select sum(step) over (order by i) as s
					             from (select i, 1 + floor(random() * 20) as step
					                   from generate_series(1, 700) i) steps) t""");
			statement.execute("insert into rollup_1m " + v2Rollup("1 minute"));
			statement.execute("insert into rollup_1h " + v2Rollup("1 hour"));
		}

		migrate(db, "latest");

		assertRollupMatchesRaw(db, RollupLevel.TEN_SECONDS.table, RollupLevel.TEN_SECONDS.width);
		assertRollupMatchesRaw(db, RollupLevel.TEN_MINUTES.table, RollupLevel.TEN_MINUTES.width);
	}

	private static void migrate(TestDatabase db, String target) {
		Flyway.configure()
			.dataSource(db.jdbcUrl(), db.username(), db.password())
			.locations("classpath:db/timeseries")
			.target(target)
			.load()
			.migrate();
	}

	/** The rollup rows of the raw rows, as the storage engine keeps them (V2). */
	private static String v2Rollup(String width) {
		return """
				select channel_id, bucket, count(*), sum(value_num), min(value_num), max(value_num), min(time),
				    (array_agg(value_num order by time))[1], max(time), (array_agg(value_num order by time desc))[1],
				    coalesce(sum(value_num * extract(epoch from next_time - time)::float8), 0)
				from (select channel_id, time, value_num, date_bin('%1$s', time, timestamptz '2000-01-01Z') as bucket,
				        lead(time) over (partition by channel_id, date_bin('%1$s', time, timestamptz '2000-01-01Z')
				            order by time) as next_time
				      from samples where value_num is not null) x
				group by channel_id, bucket""".formatted(width);
	}

}
