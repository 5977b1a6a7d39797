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
import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.sample.SampleValue;

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
		StringBuilder where = new StringBuilder(" where time >= :from and time < :to");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", AlarmStore.time(micros(filter.from())));
		params.put("to", AlarmStore.time(micros(filter.to())));
		if (filter.channelId() != null) {
			where.append(" and channel_id = :channelId");
			params.put("channelId", filter.channelId());
		}
		if (filter.definitionId() != null) {
			where.append(" and definition_id = :definitionId");
			params.put("definitionId", filter.definitionId());
		}
		if (filter.priority() != null) {
			where.append(" and priority = :priority");
			params.put("priority", filter.priority().level());
		}
		if (filter.state() != null) {
			where.append(" and state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.text() != null) {
			where.append(" and (message ilike :text escape '\\' or name ilike :text escape '\\')");
			params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
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
			.query((rs, row) -> journalView(rs))
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
				state.status().name(), instant(state.activatedAtMicros()), json(state.value()),
				priority(state.priority()), state.message(), instant(state.ackedAtMicros()), state.ackedBy(),
				instant(state.shelvedUntilMicros()));
	}

	private static ActiveAlarm activeView(ResultSet rs, WatchedAlarm alarm) throws SQLException {
		AlarmState state = new AlarmState(rs.getLong("definition_id"), rs.getLong("channel_id"),
				AlarmStatus.valueOf(rs.getString("state")), rs.getLong("last_seen_us"), null,
				AlarmStore.micros(rs, "activated_at"), AlarmStore.value(rs), rs.getInt("priority"),
				rs.getString("message"), AlarmStore.micros(rs, "shelved_until"), AlarmStore.micros(rs, "acked_at"),
				rs.getString("acked_by"), rs.getString("ack_comment"));
		return activeView(state, alarm);
	}

	private static AlarmJournalEntry journalView(ResultSet rs) throws SQLException {
		return new AlarmJournalEntry(instant(AlarmStore.micros(rs, "time")), rs.getLong("definition_id"),
				rs.getString("name"), rs.getLong("channel_id"), rs.getString("event"), rs.getString("state"),
				priority(rs.getInt("priority")), json(AlarmStore.value(rs)), rs.getString("message"),
				rs.getString("username"), rs.getString("comment"));
	}

	/** A transition as the journal lists it. */
	static AlarmJournalEntry journalView(AlarmTransition transition) {
		return new AlarmJournalEntry(instant(transition.timeMicros()), transition.definitionId(), transition.name(),
				transition.channelId(), transition.event().name(), transition.state().name(),
				priority(transition.priority()), json(transition.value()), transition.message(), transition.username(),
				transition.comment());
	}

	private static Object json(SampleValue value) {
		return switch (value) {
			case null -> null;
			case SampleValue.Numeric(double v) -> v;
			case SampleValue.Bool(boolean b) -> b;
			case SampleValue.Text(String t) -> t;
		};
	}

	private static AlarmPriority priority(int level) {
		return AlarmPriority.values()[Math.clamp(level, 1, 4) - 1];
	}

	private static Instant instant(Long micros) {
		return (micros != null) ? AlarmStore.time(micros).toInstant() : null;
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

}
