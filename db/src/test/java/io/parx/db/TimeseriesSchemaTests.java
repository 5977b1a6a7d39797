package io.parx.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TimeseriesBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The time-series schema (V1) on both supported backends: the contract of
 * docs/CONTRACTS.md ("Databases", "The sample") must hold whichever layout the migration
 * chose.
 */
class TimeseriesSchemaTests {

	private static final Map<TimeseriesBackend, TestDatabase> DATABASES = new EnumMap<>(TimeseriesBackend.class);

	private static final AtomicLong CHANNEL_IDS = new AtomicLong(1000);

	private static synchronized TestDatabase database(TimeseriesBackend backend) {
		return DATABASES.computeIfAbsent(backend, TestDatabases::createTimeseriesDb);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void samplesTableHasExactlyTheContractColumns(TimeseriesBackend backend) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = database(backend).connect();
				ResultSet rows = connection.createStatement()
					.executeQuery("select column_name, data_type, is_nullable, column_default"
							+ " from information_schema.columns where table_name = 'samples' order by ordinal_position")) {
			while (rows.next()) {
				columns.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
						+ rows.getString(4));
			}
		}
		assertThat(columns).containsExactly("channel_id bigint NO null", "time timestamp with time zone NO null",
				"value_num double precision YES null", "value_bool boolean YES null", "value_text text YES null",
				"quality integer NO 0");
		assertThat(primaryKey(backend, "samples")).isEqualTo("PRIMARY KEY (channel_id, \"time\")");
	}

	@Test
	void samplesIsAHypertableWithDailyChunksOnTimescale() throws SQLException {
		try (Connection connection = database(TimeseriesBackend.TIMESCALE).connect();
				ResultSet row = connection.createStatement()
					.executeQuery("select d.column_name, d.time_interval::text"
							+ " from timescaledb_information.hypertables h join timescaledb_information.dimensions d"
							+ " using (hypertable_schema, hypertable_name) where h.hypertable_name = 'samples'")) {
			assertThat(row.next()).as("samples is a hypertable").isTrue();
			assertThat(row.getString(1)).isEqualTo("time");
			assertThat(row.getString(2)).isEqualTo("1 day");
			assertThat(row.next()).as("one dimension only").isFalse();
		}
	}

	@Test
	void samplesHasABrinIndexOnTimeOnPlainPostgres() throws SQLException {
		// Without hypertables, time-range scans rely on BRIN: tiny, cheap to maintain for
		// append-mostly, time-ordered data.
		assertThat(indexes(TimeseriesBackend.POSTGRES))
			.contains("CREATE INDEX samples_time_brin ON public.samples" + " USING brin (\"time\")");
		try (Connection connection = database(TimeseriesBackend.POSTGRES).connect();
				ResultSet row = connection.createStatement()
					.executeQuery("select count(*) from pg_extension where extname = 'timescaledb'")) {
			row.next();
			assertThat(row.getInt(1)).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void redeliveredSampleIsStoredOnce(TimeseriesBackend backend) throws SQLException {
		// The Redis stream redelivers unacknowledged batches; the key (channel_id, time)
		// makes the second write a no-op (docs/CONTRACTS.md, "Databases").
		long channel = CHANNEL_IDS.incrementAndGet();
		OffsetDateTime time = OffsetDateTime.parse("2026-03-01T10:00:00.123456Z");
		try (Connection connection = database(backend).connect()) {
			assertThat(insertOnce(connection, channel, time, 1.5)).isEqualTo(1);
			assertThat(insertOnce(connection, channel, time, 2.5)).isZero();
			assertThat(count(connection, channel)).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void valuesQualityAndMicrosecondTimesRoundTrip(TimeseriesBackend backend) throws SQLException {
		long channel = CHANNEL_IDS.incrementAndGet();
		OffsetDateTime t0 = OffsetDateTime.parse("2026-03-01T10:00:00.000001Z");
		int badCommunicationError = 0x80050000;
		int uncertainLastUsable = 0x40900000;
		try (Connection connection = database(backend).connect()) {
			insert(connection, channel, t0, -273.15, null, null, 0);
			insert(connection, channel, t0.plusNanos(1000), null, true, null, uncertainLastUsable);
			insert(connection, channel, t0.plusNanos(2000), null, null, "COIL-4711 ✓", 0);
			insert(connection, channel, t0.plusNanos(3000), null, null, null, badCommunicationError);
			List<String> rows = new ArrayList<>();
			try (PreparedStatement query = connection.prepareStatement(
					"select time, value_num, value_bool, value_text, quality from samples where channel_id = ? order by time")) {
				query.setLong(1, channel);
				try (ResultSet row = query.executeQuery()) {
					while (row.next()) {
						rows.add(row.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC) + " "
								+ row.getObject(2) + " " + row.getObject(3) + " " + row.getObject(4) + " "
								+ row.getInt(5));
					}
				}
			}
			assertThat(rows).containsExactly("2026-03-01T10:00:00.000001Z -273.15 null null 0",
					"2026-03-01T10:00:00.000002Z null true null " + uncertainLastUsable,
					"2026-03-01T10:00:00.000003Z null null COIL-4711 ✓ 0",
					"2026-03-01T10:00:00.000004Z null null null " + badCommunicationError);
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void latestValueOfAChannelIsReadFromThePrimaryKeyWithoutSorting(TimeseriesBackend backend) throws SQLException {
		// The primary key scanned backwards serves (channel_id, time desc): no extra
		// index.
		long channel = CHANNEL_IDS.incrementAndGet();
		try (Connection connection = database(backend).connect(); Statement statement = connection.createStatement()) {
			insertOnce(connection, channel, OffsetDateTime.parse("2026-03-01T10:00:00Z"), 1.0);
			statement.execute("set enable_seqscan = off");
			StringBuilder plan = new StringBuilder();
			try (ResultSet row = statement.executeQuery(
					"explain select * from samples where channel_id = " + channel + " order by time desc limit 1")) {
				while (row.next()) {
					plan.append(row.getString(1)).append('\n');
				}
			}
			assertThat(plan.toString()).contains("Index Scan Backward").doesNotContain("Sort");
		}
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void batchesAreIndexedByDefinitionAndStartAndCannotEndBeforeTheyStart(TimeseriesBackend backend)
			throws SQLException {
		assertThat(indexes(backend)).anyMatch((index) -> index.contains("batch_definition_start_idx")
				&& index.endsWith("(definition_id, start_time)"));
		try (Connection connection = database(backend).connect(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("insert into batch (definition_id, name, start_time)"
					+ " values (7, 'COIL-1', '2026-03-01T10:00:00Z')");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(
						() -> statement.executeUpdate("insert into batch (definition_id, name, start_time, end_time)"
								+ " values (7, 'COIL-2', '2026-03-01T10:00:00Z', '2026-03-01T09:00:00Z')"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("23514"));
		}
	}

	private static int insertOnce(Connection connection, long channel, OffsetDateTime time, double value)
			throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into samples (channel_id, time, value_num) values (?, ?, ?)"
					+ " on conflict (channel_id, time) do nothing")) {
			insert.setLong(1, channel);
			insert.setObject(2, time);
			insert.setDouble(3, value);
			return insert.executeUpdate();
		}
	}

	private static void insert(Connection connection, long channel, OffsetDateTime time, Double number, Boolean bool,
			String text, int quality) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into samples (channel_id, time, value_num, value_bool, value_text, quality) values (?, ?, ?, ?, ?, ?)")) {
			insert.setLong(1, channel);
			insert.setObject(2, time);
			insert.setObject(3, number, Types.DOUBLE);
			insert.setObject(4, bool, Types.BOOLEAN);
			insert.setString(5, text);
			insert.setInt(6, quality);
			insert.executeUpdate();
		}
	}

	private static long count(Connection connection, long channel) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("select count(*) from samples where channel_id = ?")) {
			query.setLong(1, channel);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static String primaryKey(TimeseriesBackend backend, String table) throws SQLException {
		try (Connection connection = database(backend).connect();
				ResultSet row = connection.createStatement()
					.executeQuery("select pg_get_constraintdef(oid) from pg_constraint where contype = 'p'"
							+ " and conrelid = 'public." + table + "'::regclass")) {
			row.next();
			return row.getString(1);
		}
	}

	private static List<String> indexes(TimeseriesBackend backend) throws SQLException {
		List<String> indexes = new ArrayList<>();
		try (Connection connection = database(backend).connect();
				ResultSet rows = connection.createStatement()
					.executeQuery("select indexdef from pg_indexes where schemaname = 'public'")) {
			while (rows.next()) {
				indexes.add(rows.getString(1));
			}
		}
		return indexes;
	}

}
