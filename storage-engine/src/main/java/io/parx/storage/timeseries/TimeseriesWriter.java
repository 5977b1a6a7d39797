package io.parx.storage.timeseries;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;
import io.parx.storage.batches.BatchEvent;
import io.parx.storage.state.RuleState;
import io.parx.storage.state.StateKey;
import org.postgresql.PGConnection;

/**
 * Writes a batch to the time-series database in one transaction: the samples
 * (deduplicated, idempotent on {@code (channel_id, time)}), the rollups they change, the
 * batches opened and closed, and the rule state that produced them. Either all of it is
 * committed or none, which is what makes acknowledging after the commit exactly-once.
 */
public class TimeseriesWriter {

	private static final Comparator<Sample> BY_KEY = Comparator.comparingLong(Sample::channelId)
		.thenComparingLong(Sample::timeMicros);

	private static final String STAGING = """
			create temp table if not exists samples_staging (channel_id bigint, time timestamptz,
			    value_num double precision, value_bool boolean, value_text text, quality integer)
			on commit delete rows""";

	private static final String UNNEST_SOURCE = """
			(select channel_id, timestamptz 'epoch' + t * interval '1 microsecond' as time,
			    value_num, value_bool, value_text, quality
			 from unnest(?::bigint[], ?::bigint[], ?::float8[], ?::boolean[], ?::text[], ?::integer[])
			    as u(channel_id, t, value_num, value_bool, value_text, quality)) src""";

	private static final String UPSERT_STATE = """
			insert into storage_rule_state (rule_id, channel_id, kind, last_seen_us, last_sample, held_sample, condition)
			values (?, ?, ?, ?, ?, ?, ?)
			on conflict (rule_id, channel_id, kind) do update set last_seen_us = excluded.last_seen_us,
			    last_sample = excluded.last_sample, held_sample = excluded.held_sample, condition = excluded.condition""";

	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	private final InsertMethod method;

	private final String copyInsert = RollupSql.insertAndRollUp("samples_staging");

	private final String unnestInsert = RollupSql.insertAndRollUp(UNNEST_SOURCE);

	public TimeseriesWriter(DataSource dataSource, InsertMethod method) {
		this.dataSource = dataSource;
		this.method = method;
	}

	/**
	 * Writes everything in one transaction.
	 * @return the number of sample rows actually inserted (redelivered rows excluded)
	 */
	public int write(List<Sample> samples, List<BatchEvent> batchEvents, Map<StateKey, RuleState> states)
			throws SQLException {
		return write(samples, batchEvents, states, TransactionPart.NONE);
	}

	/**
	 * Writes everything, and what {@code part} writes, in one transaction.
	 * @return the number of sample rows actually inserted (redelivered rows excluded)
	 */
	public int write(List<Sample> samples, List<BatchEvent> batchEvents, Map<StateKey, RuleState> states,
			TransactionPart part) throws SQLException {
		List<Sample> unique = deduplicate(samples);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			if (this.method == InsertMethod.DIRECT_COPY) {
				try {
					return write(connection, unique, InsertMethod.DIRECT_COPY, batchEvents, states, part);
				}
				catch (SQLException ex) {
					if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
						throw ex;
					}
					// Some rows are already stored: a redelivery. Redo without them.
				}
			}
			return write(connection, unique,
					(this.method == InsertMethod.DIRECT_COPY) ? InsertMethod.COPY_STAGING : this.method, batchEvents,
					states, part);
		}
	}

	private int write(Connection connection, List<Sample> unique, InsertMethod method, List<BatchEvent> batchEvents,
			Map<StateKey, RuleState> states, TransactionPart part) throws SQLException {
		try {
			int inserted = unique.isEmpty() ? 0 : insert(connection, unique, method);
			if (!unique.isEmpty()) {
				try (Statement statement = connection.createStatement()) {
					for (RollupLevel level : RollupLevel.values()) {
						statement.execute(RollupSql.recomputeStale(level.table, level.width));
					}
				}
			}
			writeBatchEvents(connection, batchEvents);
			writeStates(connection, states);
			part.writeIn(connection);
			connection.commit();
			return inserted;
		}
		catch (SQLException | RuntimeException ex) {
			rollback(connection, ex);
			throw ex;
		}
	}

	/**
	 * Sorted by key, the last of several samples with the same key wins: one statement
	 * cannot insert the same key twice, and sorted rows touch index pages in order.
	 */
	static List<Sample> deduplicate(List<Sample> samples) {
		List<Sample> sorted = new ArrayList<>(samples);
		sorted.sort(BY_KEY);
		List<Sample> unique = new ArrayList<>(sorted.size());
		for (Sample sample : sorted) {
			int last = unique.size() - 1;
			if (last >= 0 && unique.get(last).channelId() == sample.channelId()
					&& unique.get(last).timeMicros() == sample.timeMicros()) {
				unique.set(last, sample);
			}
			else {
				unique.add(sample);
			}
		}
		return unique;
	}

	private int insert(Connection connection, List<Sample> samples, InsertMethod method) throws SQLException {
		return switch (method) {
			case DIRECT_COPY -> {
				copy(connection, "samples", samples);
				for (RollupLevel level : RollupLevel.values()) {
					RollupAggregator.upsert(connection, level.table, RollupAggregator.aggregate(samples, level.micros));
				}
				yield samples.size();
			}
			case COPY_STAGING -> {
				try (Statement statement = connection.createStatement()) {
					statement.execute(STAGING);
				}
				copy(connection, "samples_staging", samples);
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery(this.copyInsert)) {
					rows.next();
					yield rows.getInt(1);
				}
			}
			case UNNEST -> {
				try (PreparedStatement statement = connection.prepareStatement(this.unnestInsert)) {
					bindArrays(connection, statement, samples);
					try (ResultSet rows = statement.executeQuery()) {
						rows.next();
						yield rows.getInt(1);
					}
				}
			}
		};
	}

	private static void copy(Connection connection, String table, List<Sample> samples) throws SQLException {
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " (" + PgBinaryCopy.COLUMNS + ") from stdin (format binary)",
						new ByteArrayInputStream(PgBinaryCopy.encode(samples)));
		}
		catch (IOException ex) {
			throw new SQLException("COPY into " + table + " failed", "08006", ex);
		}
	}

	private static void bindArrays(Connection connection, PreparedStatement statement, List<Sample> samples)
			throws SQLException {
		int n = samples.size();
		Long[] channels = new Long[n];
		Long[] times = new Long[n];
		Double[] numbers = new Double[n];
		Boolean[] bools = new Boolean[n];
		String[] texts = new String[n];
		Integer[] qualities = new Integer[n];
		for (int i = 0; i < n; i++) {
			Sample sample = samples.get(i);
			channels[i] = sample.channelId();
			times[i] = sample.timeMicros();
			qualities[i] = sample.quality();
			switch (sample.value()) {
				case null -> {
				}
				case SampleValue.Numeric(double number) -> numbers[i] = number;
				case SampleValue.Bool(boolean bool) -> bools[i] = bool;
				case SampleValue.Text(String text) -> texts[i] = text;
			}
		}
		Array[] arrays = { connection.createArrayOf("int8", channels), connection.createArrayOf("int8", times),
				connection.createArrayOf("float8", numbers), connection.createArrayOf("bool", bools),
				connection.createArrayOf("text", texts), connection.createArrayOf("int4", qualities) };
		for (int i = 0; i < arrays.length; i++) {
			statement.setArray(i + 1, arrays[i]);
		}
	}

	private static void writeBatchEvents(Connection connection, List<BatchEvent> events) throws SQLException {
		if (events.isEmpty()) {
			return;
		}
		try (PreparedStatement close = connection
			.prepareStatement("update batch set end_time = ? where definition_id = ? and end_time is null");
				PreparedStatement open = connection
					.prepareStatement("insert into batch (definition_id, name, start_time) values (?, ?, ?)")) {
			// In order: a close and the next open often share a timestamp.
			for (BatchEvent event : events) {
				switch (event) {
					case BatchEvent.Closed closed -> {
						close.setObject(1, time(closed.timeMicros()));
						close.setLong(2, closed.definitionId());
						close.executeUpdate();
					}
					case BatchEvent.Opened opened -> {
						open.setLong(1, opened.definitionId());
						open.setString(2, opened.name());
						open.setObject(3, time(opened.timeMicros()));
						open.executeUpdate();
					}
				}
			}
		}
	}

	private static void writeStates(Connection connection, Map<StateKey, RuleState> states) throws SQLException {
		if (states.isEmpty()) {
			return;
		}
		try (PreparedStatement upsert = connection.prepareStatement(UPSERT_STATE)) {
			for (Map.Entry<StateKey, RuleState> entry : states.entrySet()) {
				StateKey key = entry.getKey();
				RuleState state = entry.getValue();
				upsert.setLong(1, key.ownerId());
				upsert.setLong(2, key.channelId());
				upsert.setShort(3, key.kind().code());
				upsert.setLong(4, state.lastSeenMicros());
				upsert.setBytes(5, (state.last() != null) ? SampleBatchCodec.encode(state.last()) : null);
				upsert.setBytes(6, (state.held() != null) ? SampleBatchCodec.encode(state.held()) : null);
				if (state.condition() != null) {
					upsert.setBoolean(7, state.condition());
				}
				else {
					upsert.setNull(7, Types.BOOLEAN);
				}
				upsert.addBatch();
			}
			upsert.executeBatch();
		}
	}

	/** The rule state committed so far, read at start-up. */
	public Map<StateKey, RuleState> loadStates() throws SQLException {
		Map<StateKey, RuleState> states = new HashMap<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("""
						select rule_id, channel_id, kind, last_seen_us, last_sample, held_sample, condition
						from storage_rule_state""")) {
			while (rows.next()) {
				byte[] last = rows.getBytes(5);
				byte[] held = rows.getBytes(6);
				boolean condition = rows.getBoolean(7);
				Boolean conditionOrNull = rows.wasNull() ? null : condition;
				states.put(new StateKey(rows.getLong(1), rows.getLong(2), StateKey.Kind.ofCode(rows.getShort(3))),
						new RuleState(rows.getLong(4), (last != null) ? SampleBatchCodec.decodeOne(last) : null,
								(held != null) ? SampleBatchCodec.decodeOne(held) : null, conditionOrNull));
			}
		}
		return states;
	}

	static OffsetDateTime time(long micros) {
		return OffsetDateTime.ofInstant(java.time.Instant.EPOCH.plusNanos(micros * 1000), ZoneOffset.UTC);
	}

	private static void rollback(Connection connection, Exception cause) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

}
