package io.parx.storage.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the deliveries of a webhook for {@code GET .../deliveries}, newest first. */
class DeliveryHistory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	DeliveryHistory(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** One page of its deliveries, newest first, with the counts by status. */
	Map<String, Object> page(long webhookId, String status, int page, int size) {
		String where = " where webhook_id = :webhookId" + ((status != null) ? " and status = :status" : "");
		long total = this.jdbc.sql("select count(*) from alarm_notification" + where)
			.param("webhookId", webhookId)
			.param("status", (status != null) ? status : "")
			.query(Long.class)
			.single();
		List<Map<String, Object>> content = this.jdbc
			.sql("select * from alarm_notification" + where + " order by id desc limit :limit offset :offset")
			.param("webhookId", webhookId)
			.param("status", (status != null) ? status : "")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> view(rs))
			.list();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("summary", summary(webhookId));
		answer.put("content", content);
		answer.put("page", page);
		answer.put("size", size);
		answer.put("totalElements", total);
		return answer;
	}

	/** One delivery, by id. */
	Map<String, Object> get(long id) {
		return this.jdbc.sql("select * from alarm_notification where id = ?")
			.param(id)
			.query((rs, row) -> view(rs))
			.single();
	}

	/**
	 * How many deliveries are in each status, and the latest attempt's delivery (the
	 * webhook's {@code lastDelivery}).
	 */
	Map<String, Object> summary(long webhookId) {
		Map<String, Object> counts = new LinkedHashMap<>();
		for (String status : List.of("PENDING", "DELIVERED", "FAILED", "DISCARDED")) {
			counts.put(status.toLowerCase(Locale.ROOT), 0L);
		}
		this.jdbc.sql("select status, count(*) from alarm_notification where webhook_id = ? group by status")
			.param(webhookId)
			.query((ResultSet rs) -> {
				counts.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
			});
		counts.put("lastDelivery",
				this.jdbc.sql("""
						select * from alarm_notification where webhook_id = ? and last_attempt_at is not null
						order by last_attempt_at desc, id desc limit 1""")
					.param(webhookId)
					.query((rs, row) -> view(rs))
					.optional()
					.orElse(null));
		return counts;
	}

	private static Map<String, Object> view(ResultSet rs) throws SQLException {
		Map<String, Object> view = new LinkedHashMap<>();
		String status = rs.getString("status");
		view.put("id", rs.getLong("id"));
		view.put("webhookId", rs.getLong("webhook_id"));
		view.put("event", rs.getString("event"));
		long definitionId = rs.getLong("definition_id");
		view.put("definitionId", rs.wasNull() ? null : definitionId);
		view.put("eventTime", time(rs, "event_time"));
		view.put("status", status);
		view.put("attempts", rs.getInt("attempts"));
		view.put("createdAt", time(rs, "created_at"));
		view.put("lastAttemptAt", time(rs, "last_attempt_at"));
		int code = rs.getInt("last_status_code");
		view.put("lastStatusCode", rs.wasNull() ? null : code);
		view.put("lastError", rs.getString("last_error"));
		view.put("nextAttemptAt", "PENDING".equals(status) ? time(rs, "next_attempt_at") : null);
		view.put("finishedAt", time(rs, "finished_at"));
		view.put("payload", JSON.readValue(rs.getString("payload"), Map.class));
		return view;
	}

	private static String time(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant().toString() : null;
	}

}
