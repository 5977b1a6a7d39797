package io.parx.storage.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

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
	List<Map<String, Object>> active(AlarmSet alarms) {
		List<Map<String, Object>> active = new ArrayList<>();
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
		List<Map<String, Object>> content = this.jdbc
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

	static Map<String, Object> activeView(AlarmState state, WatchedAlarm alarm) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("definitionId", state.definitionId());
		view.put("name", alarm.definition().name());
		view.put("channelId", state.channelId());
		view.put("state", state.status().name());
		view.put("activatedAt", instant(state.activatedAtMicros()));
		view.put("value", json(state.value()));
		view.put("priority", priority(state.priority()));
		view.put("message", state.message());
		view.put("acknowledgedAt", instant(state.ackedAtMicros()));
		view.put("acknowledgedBy", state.ackedBy());
		view.put("shelvedUntil", instant(state.shelvedUntilMicros()));
		return view;
	}

	private static Map<String, Object> activeView(ResultSet rs, WatchedAlarm alarm) throws SQLException {
		AlarmState state = new AlarmState(rs.getLong("definition_id"), rs.getLong("channel_id"),
				AlarmStatus.valueOf(rs.getString("state")), rs.getLong("last_seen_us"), null,
				AlarmStore.micros(rs, "activated_at"), AlarmStore.value(rs), rs.getInt("priority"),
				rs.getString("message"), AlarmStore.micros(rs, "shelved_until"), AlarmStore.micros(rs, "acked_at"),
				rs.getString("acked_by"), rs.getString("ack_comment"));
		return activeView(state, alarm);
	}

	private static Map<String, Object> journalView(ResultSet rs) throws SQLException {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("time", instant(AlarmStore.micros(rs, "time")));
		view.put("definitionId", rs.getLong("definition_id"));
		view.put("name", rs.getString("name"));
		view.put("channelId", rs.getLong("channel_id"));
		view.put("event", rs.getString("event"));
		view.put("state", rs.getString("state"));
		view.put("priority", priority(rs.getInt("priority")));
		view.put("value", json(AlarmStore.value(rs)));
		view.put("message", rs.getString("message"));
		view.put("user", rs.getString("username"));
		view.put("comment", rs.getString("comment"));
		return view;
	}

	private static Object json(SampleValue value) {
		return switch (value) {
			case null -> null;
			case SampleValue.Numeric(double v) -> v;
			case SampleValue.Bool(boolean b) -> b;
			case SampleValue.Text(String t) -> t;
		};
	}

	private static String priority(int level) {
		return AlarmPriority.values()[Math.clamp(level, 1, 4) - 1].name();
	}

	private static String instant(Long micros) {
		return (micros != null) ? AlarmStore.time(micros).toInstant().toString() : null;
	}

	private static long micros(java.time.Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

}
