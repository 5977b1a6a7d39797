package io.parx.storage.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.parx.common.alarm.ActiveAlarm;
import io.parx.common.alarm.AlarmJournalEntry;
import io.parx.common.alarm.AlarmRows;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the committed alarm state and the journal for the REST endpoints. Reads only what
 * a batch's (or a command's) transaction committed, so an answer never shows a transition
 * that might still be rolled back.
 */
class AlarmQueries {

	/** Most alarms one active list holds. */
	static final int MAX_ACTIVE = 10_000;

	private final JdbcClient jdbc;

	AlarmQueries(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The alarms not in NORMAL, of enabled definitions, most urgent and newest first. */
	List<ActiveAlarm> active(AlarmSet alarms) {
		List<ActiveAlarm> active = new ArrayList<>();
		this.jdbc.sql("""
				select * from alarm_state where state <> 'NORMAL'
				order by priority desc, activated_at desc nulls last, definition_id limit :limit""")
			.param("limit", MAX_ACTIVE)
			.query((ResultSet rs) -> {
				WatchedAlarm alarm = alarms.get(rs.getLong("definition_id"));
				if (alarm != null) {
					active.add(activeView(rs, alarm));
				}
			});
		return active;
	}

	/** One page of the journal, newest first, and the number of entries that match. */
	Map<String, Object> journal(JournalFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = filter.query().where(params);
		long total = this.jdbc.sql("select count(*) from alarm_journal" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AlarmJournalEntry> content = this.jdbc
			.sql("select * from alarm_journal" + where
					+ " order by time desc, definition_id, event limit :limit offset :offset")
			.params(params)
			.param("limit", filter.size())
			.param("offset", (long) filter.page() * filter.size())
			.query((rs, row) -> AlarmRows.entry(rs))
			.list();
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("content", content);
		page.put("page", filter.page());
		page.put("size", filter.size());
		page.put("totalElements", total);
		return page;
	}

	/** An alarm's entry in the active list (also the value of the Redis hash). */
	static ActiveAlarm activeView(AlarmState state, WatchedAlarm alarm) {
		return new ActiveAlarm(state.definitionId(), alarm.definition().name(), state.channelId(),
				state.status().name(), instant(state.activatedAtMicros()), AlarmRows.json(state.value()),
				AlarmRows.priority(state.priority()), state.message(), instant(state.ackedAtMicros()), state.ackedBy(),
				instant(state.shelvedUntilMicros()));
	}

	private static ActiveAlarm activeView(ResultSet rs, WatchedAlarm alarm) throws SQLException {
		AlarmState state = new AlarmState(rs.getLong("definition_id"), rs.getLong("channel_id"),
				AlarmStatus.valueOf(rs.getString("state")), rs.getLong("last_seen_us"), null,
				AlarmStore.micros(rs, "activated_at"), AlarmRows.value(rs), rs.getInt("priority"),
				rs.getString("message"), AlarmStore.micros(rs, "shelved_until"), AlarmStore.micros(rs, "acked_at"),
				rs.getString("acked_by"), rs.getString("ack_comment"));
		return activeView(state, alarm);
	}

	/** A transition as the journal lists it. */
	static AlarmJournalEntry journalView(AlarmTransition transition) {
		return new AlarmJournalEntry(instant(transition.timeMicros()), transition.definitionId(), transition.name(),
				transition.channelId(), transition.event().name(), transition.state().name(),
				AlarmRows.priority(transition.priority()), AlarmRows.json(transition.value()), transition.message(),
				transition.username(), transition.comment());
	}

	private static Instant instant(Long micros) {
		return (micros != null) ? AlarmStore.time(micros).toInstant() : null;
	}

}
