package io.parx.storage.timeseries;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TimeseriesBackend;
import io.parx.storage.batches.BatchEvent;
import io.parx.storage.state.RuleState;
import io.parx.storage.state.StateKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The writer on both supported backends: idempotent inserts and rollups that always equal
 * what the raw rows say (issue 5, "Rollups").
 */
class TimeseriesWriterTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void redeliveredBatchAddsNoRowAndChangesNoRollup(TimeseriesBackend backend) throws SQLException {
		// Redis redelivers a batch whose commit succeeded but whose XACK was lost.
		TestDatabase db = TestDatabases.createTimeseriesDb(backend);
		TimeseriesWriter writer = new TimeseriesWriter(dataSource(db), InsertMethod.DIRECT_COPY);
		List<Sample> batch = List.of(Sample.of(1, T0, 1.5), Sample.of(1, T0.plusSeconds(1), 2.5),
				Sample.of(2, T0, SampleValue.of(true), Quality.GOOD),
				Sample.of(3, T0, SampleValue.of("on"), Quality.GOOD), Sample.failed(4, T0, Quality.BAD_TIMEOUT));

		assertThat(writer.write(batch, List.of(), Map.of())).isEqualTo(5);
		assertThat(writer.write(batch, List.of(), Map.of())).isZero();

		assertThat(count(db, "select count(*) from samples")).isEqualTo(5);
		assertThat(count(db, "select sample_count from rollup_1m where channel_id = 1")).isEqualTo(2);
		assertThat(count(db, "select sample_count from rollup_10m where channel_id = 1")).isEqualTo(2);
		assertThat(count(db, "select sample_count from rollup_1h where channel_id = 1")).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void duplicatesWithinABatchKeepTheLastSample(TimeseriesBackend backend) throws SQLException {
		TestDatabase db = TestDatabases.createTimeseriesDb(backend);
		TimeseriesWriter writer = new TimeseriesWriter(dataSource(db), InsertMethod.UNNEST);

		int inserted = writer.write(List.of(Sample.of(1, T0, 1), Sample.of(1, T0, 2), Sample.of(1, T0, 3)), List.of(),
				Map.of());

		assertThat(inserted).isOne();
		assertThat(count(db, "select value_num::bigint from samples")).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void rollupsEqualAggregatesOfRawRowsDespiteLateAndRedeliveredData(TimeseriesBackend backend) throws SQLException {
		// Batches arrive out of order and partly twice, as after a collector's disk
		// buffer replays and a consumer crash: the rollups must still match the raw rows.
		TestDatabase db = TestDatabases.createTimeseriesDb(backend);
		Random random = new Random(42);
		List<Sample> all = new ArrayList<>();
		for (long channel = 1; channel <= 3; channel++) {
			for (int i = 0; i < 400; i++) {
				long micros = Sample.toMicros(T0) + i * 7_300_000L + random.nextInt(1_000_000);
				all.add(new Sample(channel, micros, SampleValue.of(Math.round(random.nextGaussian() * 1000) / 10.0),
						Quality.GOOD));
			}
		}
		java.util.Collections.shuffle(all, random);
		for (InsertMethod method : InsertMethod.values()) {
			TimeseriesWriter writer = new TimeseriesWriter(dataSource(db), method);
			for (int from = 0; from < all.size(); from += 150) {
				List<Sample> batch = all.subList(from, Math.min(all.size(), from + 150));
				batch = new ArrayList<>(batch.subList(0, batch.size() / 2 + (method == InsertMethod.UNNEST ? 0 : 1)));
				writer.write(batch, List.of(), Map.of());
				writer.write(all.subList(from, Math.min(all.size(), from + 150)), List.of(), Map.of());
			}
		}

		assertThat(count(db, "select count(*) from samples")).isEqualTo(all.size());
		for (RollupLevel level : RollupLevel.values()) {
			assertRollupMatchesRaw(db, level.table, level.width);
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void ruleStateAndBatchesAreCommittedWithTheRows(TimeseriesBackend backend) throws SQLException {
		// What a restart reads back must be exactly what the last commit wrote.
		TestDatabase db = TestDatabases.createTimeseriesDb(backend);
		TimeseriesWriter writer = new TimeseriesWriter(dataSource(db), InsertMethod.DIRECT_COPY);
		Map<StateKey, RuleState> states = Map.of(new StateKey(1, 5, StateKey.Kind.RULE_CHANNEL),
				new RuleState(42, Sample.of(5, T0, 1.5), null, null), new StateKey(2, 0, StateKey.Kind.RULE_CONDITION),
				RuleState.condition(43, true));

		writer.write(List.of(Sample.of(5, T0, 1.5)),
				List.of(new BatchEvent.Opened(9, "C-1", Sample.toMicros(T0)),
						new BatchEvent.Closed(9, Sample.toMicros(T0.plusSeconds(5))),
						new BatchEvent.Opened(9, "C-2", Sample.toMicros(T0.plusSeconds(5)))),
				states);

		assertThat(writer.loadStates()).isEqualTo(states);
		assertThat(rows(db, "select name, end_time is null from batch order by start_time"))
			.extracting((row) -> row[0] + " " + row[1])
			.containsExactly("C-1 false", "C-2 true");
	}

	static void assertRollupMatchesRaw(TestDatabase db, String table, String width) throws SQLException {
		String raw = """
				select channel_id, bucket, count(*), sum(value_num), min(value_num), max(value_num), min(time),
				    (array_agg(value_num order by time))[1], max(time), (array_agg(value_num order by time desc))[1],
				    coalesce(sum(value_num * extract(epoch from next_time - time)::float8), 0)
				from (select channel_id, time, value_num, date_bin('%1$s', time, timestamptz '2000-01-01Z') as bucket,
				        lead(time) over (partition by channel_id, date_bin('%1$s', time, timestamptz '2000-01-01Z')
				            order by time) as next_time
				      from samples where value_num is not null) x
				group by channel_id, bucket order by channel_id, bucket""".formatted(width);
		String rollup = """
				select channel_id, bucket, sample_count, value_sum, value_min, value_max, first_time, first_value,
				    last_time, last_value, twa_integral from %s order by channel_id, bucket""".formatted(table);
		List<Object[]> expected = rows(db, raw);
		List<Object[]> actual = rows(db, rollup);
		assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
		for (int i = 0; i < expected.size(); i++) {
			Object[] e = expected.get(i);
			Object[] a = actual.get(i);
			for (int c = 0; c < e.length; c++) {
				if (e[c] instanceof Double d) {
					assertThat((Double) a[c]).as("%s row %d column %d", table, i, c).isCloseTo(d, within(1e-6));
				}
				else {
					assertThat(a[c]).as("%s row %d column %d", table, i, c).isEqualTo(e[c]);
				}
			}
		}
	}

	static List<Object[]> rows(TestDatabase db, String sql) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				Object[] row = new Object[columns];
				for (int c = 0; c < columns; c++) {
					Object value = rs.getObject(c + 1);
					row[c] = (value instanceof Number n && !(value instanceof Long)) ? (Object) n.doubleValue()
							: (value instanceof java.time.temporal.TemporalAccessor) ? value.toString() : value;
					if (value instanceof java.sql.Timestamp ts) {
						row[c] = ts.toInstant();
					}
				}
				rows.add(row);
			}
		}
		return rows;
	}

	static long count(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static PGSimpleDataSource dataSource(TestDatabase db) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(db.jdbcUrl());
		dataSource.setUser(db.username());
		dataSource.setPassword(db.password());
		return dataSource;
	}

}
