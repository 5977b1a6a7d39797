package io.parx.storage.alarms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import io.parx.common.alarm.AlarmRows;
import io.parx.common.sample.SampleValue;
import io.parx.storage.timeseries.TransactionPart;

/**
 * The alarm tables of the time-series database (schema V4): {@code alarm_state} and the
 * {@code alarm_journal}, and whatever announces the transitions (the webhook outbox).
 * Written only through {@link #partOf}, inside a batch's transaction.
 */
public class AlarmStore {

	private static final String UPSERT_STATE = """
			insert into alarm_state (definition_id, channel_id, state, last_seen_us, pending_since_us, activated_at,
			    value_num, value_text, priority, message, shelved_until, acked_at, acked_by, ack_comment)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (definition_id) do update set channel_id = excluded.channel_id, state = excluded.state,
			    last_seen_us = excluded.last_seen_us, pending_since_us = excluded.pending_since_us,
			    activated_at = excluded.activated_at, value_num = excluded.value_num, value_text = excluded.value_text,
			    priority = excluded.priority, message = excluded.message, shelved_until = excluded.shelved_until,
			    acked_at = excluded.acked_at, acked_by = excluded.acked_by, ack_comment = excluded.ack_comment""";

	private static final String INSERT_JOURNAL = """
			insert into alarm_journal (time, definition_id, state, event, channel_id, name, priority, value_num,
			    value_text, message, username, comment)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing""";

	private final DataSource dataSource;

	private final TransitionSink announcements;

	public AlarmStore(DataSource dataSource) {
		this(dataSource, TransitionSink.NONE);
	}

	/**
	 * @param announcements written with the journal rows, e.g. the webhook outbox
	 */
	public AlarmStore(DataSource dataSource, TransitionSink announcements) {
		this.dataSource = dataSource;
		this.announcements = announcements;
	}

	/** The alarm state committed so far, read at start-up. */
	public Map<Long, AlarmState> load() throws SQLException {
		Map<Long, AlarmState> states = new HashMap<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select * from alarm_state")) {
			while (rows.next()) {
				AlarmState state = state(rows);
				states.put(state.definitionId(), state);
			}
		}
		return states;
	}

	/** One alarm's committed state. */
	Optional<AlarmState> load(long definitionId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection
					.prepareStatement("select * from alarm_state where definition_id = ?")) {
			select.setLong(1, definitionId);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? Optional.of(state(rows)) : Optional.empty();
			}
		}
	}

	private static AlarmState state(ResultSet rows) throws SQLException {
		return new AlarmState(rows.getLong("definition_id"), rows.getLong("channel_id"),
				AlarmStatus.valueOf(rows.getString("state")), rows.getLong("last_seen_us"),
				nullableLong(rows, "pending_since_us"), micros(rows, "activated_at"), AlarmRows.value(rows),
				rows.getInt("priority"), rows.getString("message"), micros(rows, "shelved_until"),
				micros(rows, "acked_at"), rows.getString("acked_by"), rows.getString("ack_comment"));
	}

	/** The writes of an outcome, for the batch's transaction. */
	public TransactionPart partOf(AlarmOutcome outcome) {
		if (outcome.isEmpty()) {
			return TransactionPart.NONE;
		}
		return (connection) -> {
			writeStates(connection, outcome.states());
			writeJournal(connection, outcome);
			if (!outcome.transitions().isEmpty()) {
				this.announcements.writeIn(connection, outcome.transitions());
			}
		};
	}

	private static void writeStates(Connection connection, Map<Long, AlarmState> states) throws SQLException {
		if (states.isEmpty()) {
			return;
		}
		try (PreparedStatement upsert = connection.prepareStatement(UPSERT_STATE)) {
			for (AlarmState state : states.values()) {
				upsert.setLong(1, state.definitionId());
				upsert.setLong(2, state.channelId());
				upsert.setString(3, state.status().name());
				upsert.setLong(4, state.lastSeenMicros());
				setLong(upsert, 5, state.pendingSinceMicros());
				setTime(upsert, 6, state.activatedAtMicros());
				setValue(upsert, 7, state.value());
				upsert.setInt(9, state.priority());
				upsert.setString(10, state.message());
				setTime(upsert, 11, state.shelvedUntilMicros());
				setTime(upsert, 12, state.ackedAtMicros());
				upsert.setString(13, state.ackedBy());
				upsert.setString(14, state.ackComment());
				upsert.addBatch();
			}
			upsert.executeBatch();
		}
	}

	private static void writeJournal(Connection connection, AlarmOutcome outcome) throws SQLException {
		if (outcome.transitions().isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT_JOURNAL)) {
			for (AlarmTransition transition : outcome.transitions()) {
				setTime(insert, 1, transition.timeMicros());
				insert.setLong(2, transition.definitionId());
				insert.setString(3, transition.state().name());
				insert.setString(4, transition.event().name());
				insert.setLong(5, transition.channelId());
				insert.setString(6, transition.name());
				insert.setInt(7, transition.priority());
				setValue(insert, 8, transition.value());
				insert.setString(10, transition.message());
				insert.setString(11, transition.username());
				insert.setString(12, transition.comment());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/**
	 * Sets a value as {@code value_num} (numbers, and booleans as 1/0) and
	 * {@code value_text}.
	 */
	private static void setValue(PreparedStatement statement, int index, SampleValue value) throws SQLException {
		switch (value) {
			case null -> {
				statement.setNull(index, Types.DOUBLE);
				statement.setNull(index + 1, Types.VARCHAR);
			}
			case SampleValue.Numeric(double v) -> {
				statement.setDouble(index, v);
				statement.setNull(index + 1, Types.VARCHAR);
			}
			case SampleValue.Bool(boolean b) -> {
				statement.setDouble(index, b ? 1 : 0);
				statement.setString(index + 1, Boolean.toString(b));
			}
			case SampleValue.Text(String t) -> {
				statement.setNull(index, Types.DOUBLE);
				statement.setString(index + 1, t);
			}
		}
	}

	private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
		if (value != null) {
			statement.setLong(index, value);
		}
		else {
			statement.setNull(index, Types.BIGINT);
		}
	}

	private static Long nullableLong(ResultSet rows, String column) throws SQLException {
		long value = rows.getLong(column);
		return rows.wasNull() ? null : value;
	}

	static void setTime(PreparedStatement statement, int index, Long micros) throws SQLException {
		if (micros == null) {
			statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			statement.setObject(index, time(micros));
		}
	}

	static OffsetDateTime time(long micros) {
		return OffsetDateTime.ofInstant(Instant.EPOCH.plusNanos(micros * 1000), ZoneOffset.UTC);
	}

	static Long micros(ResultSet rows, String column) throws SQLException {
		OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
		if (time == null) {
			return null;
		}
		Instant instant = time.toInstant();
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

}
