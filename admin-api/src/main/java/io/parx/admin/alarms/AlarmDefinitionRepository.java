package io.parx.admin.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parx.common.config.alarm.AlarmDefinition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code alarm_definition} table (config schema V12). */
@Repository
class AlarmDefinitionRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AlarmDefinitionRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<StoredAlarmDefinition> find(long id) {
		return this.jdbc.sql("select * from alarm_definition where id = ?").param(id).query(this::map).optional();
	}

	Page<StoredAlarmDefinition> list(Long channelId, Pageable pageable) {
		String where = (channelId != null) ? " where channel_id = :channelId" : "";
		long total = this.jdbc.sql("select count(*) from alarm_definition" + where)
			.param("channelId", (channelId != null) ? channelId : 0L)
			.query(Long.class)
			.single();
		List<StoredAlarmDefinition> content = this.jdbc
			.sql("select * from alarm_definition" + where + " order by name, id limit :limit offset :offset")
			.param("channelId", (channelId != null) ? channelId : 0L)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(this::map)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	StoredAlarmDefinition insert(AlarmDefinition definition) {
		return this.jdbc.sql("""
				insert into alarm_definition (name, channel_id, type, limit_value, deadband, alarm_value, on_delay_ms,
				  off_delay_ms, priority, message, enabled)
				values (:name, :channelId, :type, :limit, :deadband, cast(:alarmValue as jsonb), :onDelayMs,
				  :offDelayMs, :priority, :message, :enabled)
				returning *""").params(params(definition)).query(this::map).single();
	}

	Optional<StoredAlarmDefinition> update(long id, AlarmDefinition definition, long expectedVersion) {
		return this.jdbc.sql("""
				update alarm_definition set name = :name, channel_id = :channelId, type = :type, limit_value = :limit,
				  deadband = :deadband, alarm_value = cast(:alarmValue as jsonb), on_delay_ms = :onDelayMs,
				  off_delay_ms = :offDelayMs, priority = :priority, message = :message, enabled = :enabled,
				  version = version + 1, updated_at = now()
				where id = :id and version = :version
				returning *""")
			.params(params(definition))
			.param("id", id)
			.param("version", expectedVersion)
			.query(this::map)
			.optional();
	}

	boolean delete(long id, long expectedVersion) {
		return this.jdbc.sql("delete from alarm_definition where id = ? and version = ?")
			.params(id, expectedVersion)
			.update() == 1;
	}

	/** Names of the channels carrying a tag, by id, at most {@code limit + 1}. */
	Map<Long, String> channelsTagged(String tag, int limit) {
		Map<Long, String> channels = new java.util.LinkedHashMap<>();
		this.jdbc.sql("select id, name from channel where :tag = any(tags) order by name limit :limit")
			.param("tag", tag)
			.param("limit", limit + 1)
			.query((rs) -> {
				channels.put(rs.getLong(1), rs.getString(2));
			});
		return channels;
	}

	private Map<String, Object> params(AlarmDefinition definition) {
		Map<String, Object> map = definition.toMap();
		Map<String, Object> params = new HashMap<>(map);
		params.put("alarmValue",
				(map.get("alarmValue") != null) ? this.json.writeValueAsString(map.get("alarmValue")) : null);
		return params;
	}

	/**
	 * The row as the contract's fields, read with the contract's reader: what the storage
	 * engine does with the same row.
	 */
	private AlarmDefinition read(ResultSet rs) throws SQLException {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", rs.getString("name"));
		fields.put("channelId", rs.getLong("channel_id"));
		fields.put("type", rs.getString("type"));
		fields.put("limit", rs.getObject("limit_value"));
		fields.put("deadband", rs.getObject("deadband"));
		String alarmValue = rs.getString("alarm_value");
		fields.put("alarmValue", (alarmValue != null) ? this.json.readValue(alarmValue, Object.class) : null);
		fields.put("onDelayMs", rs.getLong("on_delay_ms"));
		fields.put("offDelayMs", rs.getLong("off_delay_ms"));
		fields.put("priority", rs.getString("priority"));
		fields.put("message", rs.getString("message"));
		fields.put("enabled", rs.getBoolean("enabled"));
		return AlarmDefinition.fromMap(fields);
	}

	private StoredAlarmDefinition map(ResultSet rs, int row) throws SQLException {
		return new StoredAlarmDefinition(rs.getLong("id"), read(rs), rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
