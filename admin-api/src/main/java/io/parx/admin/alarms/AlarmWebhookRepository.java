package io.parx.admin.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parx.admin.alarms.AlarmWebhookDraft.SecretChange;
import io.parx.common.config.alarm.AlarmWebhook;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code alarm_webhook} table (config schema V14). The secret column is written,
 * never selected.
 */
@Repository
class AlarmWebhookRepository {

	private static final String COLUMNS = "id, name, url, priorities, secret_header, enabled, version, created_at, "
			+ "updated_at, secret is not null as secret_set";

	private final JdbcClient jdbc;

	AlarmWebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredAlarmWebhook> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from alarm_webhook where id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	Page<StoredAlarmWebhook> list(Pageable pageable) {
		long total = this.jdbc.sql("select count(*) from alarm_webhook").query(Long.class).single();
		List<StoredAlarmWebhook> content = this.jdbc
			.sql("select " + COLUMNS + " from alarm_webhook order by name, id limit :limit offset :offset")
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(this::map)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	StoredAlarmWebhook insert(AlarmWebhook webhook, SecretChange secret) {
		return this.jdbc.sql("""
				insert into alarm_webhook (name, url, priorities, secret_header, secret, enabled)
				values (:name, :url, cast(:priorities as varchar(16)[]), :secretHeader, :secret, :enabled)
				returning\s""" + COLUMNS)
			.params(params(webhook))
			.param("secret", (secret instanceof SecretChange.Replace replace) ? replace.value() : null)
			.query(this::map)
			.single();
	}

	Optional<StoredAlarmWebhook> update(long id, AlarmWebhook webhook, SecretChange secret, long expectedVersion) {
		String secretSet = switch (secret) {
			case SecretChange.Keep keep -> "";
			case SecretChange.Remove remove -> ", secret = null";
			case SecretChange.Replace replace -> ", secret = :secret";
		};
		String sql = "update alarm_webhook set name = :name, url = :url, "
				+ "priorities = cast(:priorities as varchar(16)[]), secret_header = :secretHeader, enabled = :enabled, "
				+ "version = version + 1, updated_at = now()" + secretSet
				+ " where id = :id and version = :version returning " + COLUMNS;
		return this.jdbc.sql(sql)
			.params(params(webhook))
			.param("secret", (secret instanceof SecretChange.Replace replace) ? replace.value() : null)
			.param("id", id)
			.param("version", expectedVersion)
			.query(this::map)
			.optional();
	}

	boolean delete(long id, long expectedVersion) {
		return this.jdbc.sql("delete from alarm_webhook where id = ? and version = ?")
			.params(id, expectedVersion)
			.update() == 1;
	}

	private static Map<String, Object> params(AlarmWebhook webhook) {
		Map<String, Object> params = new HashMap<>(webhook.toMap());
		params.put("priorities", "{" + String.join(",", webhook.priorityNames()) + "}");
		return params;
	}

	/**
	 * The row as the contract's fields, read with the contract's reader: what the storage
	 * engine does with the same row.
	 */
	private StoredAlarmWebhook map(ResultSet rs, int row) throws SQLException {
		return new StoredAlarmWebhook(rs.getLong("id"), AlarmWebhook.fromRow(rs), rs.getBoolean("secret_set"),
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
