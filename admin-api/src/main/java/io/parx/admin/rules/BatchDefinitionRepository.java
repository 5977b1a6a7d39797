package io.parx.admin.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code batch_definition} table. */
@Repository
class BatchDefinitionRepository {

	private final JdbcClient jdbc;

	BatchDefinitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BatchDefinition> find(long id) {
		return this.jdbc.sql("select * from batch_definition where id = ?").param(id).query(this::map).optional();
	}

	Page<BatchDefinition> list(Pageable pageable) {
		long total = this.jdbc.sql("select count(*) from batch_definition").query(Long.class).single();
		List<BatchDefinition> content = this.jdbc
			.sql("select * from batch_definition order by name, id limit :limit offset :offset")
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(this::map)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	BatchDefinition insert(BatchDefinitionDraft draft) {
		return this.jdbc.sql("""
				insert into batch_definition (name, description, mode, trigger_channel_id, start_channel_id,
				  stop_channel_id, name_channel_id, enabled)
				values (:name, :description, :mode, :triggerChannelId, :startChannelId, :stopChannelId,
				  :nameChannelId, :enabled)
				returning *""").params(params(draft)).query(this::map).single();
	}

	Optional<BatchDefinition> update(long id, BatchDefinitionDraft draft, long expectedVersion) {
		return this.jdbc.sql("""
				update batch_definition set name = :name, description = :description, mode = :mode,
				  trigger_channel_id = :triggerChannelId, start_channel_id = :startChannelId,
				  stop_channel_id = :stopChannelId, name_channel_id = :nameChannelId, enabled = :enabled,
				  version = version + 1, updated_at = now()
				where id = :id and version = :version
				returning *""")
			.params(params(draft))
			.param("id", id)
			.param("version", expectedVersion)
			.query(this::map)
			.optional();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from batch_definition where id = ?").param(id).update() == 1;
	}

	private static Map<String, Object> params(BatchDefinitionDraft draft) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", draft.name());
		params.put("description", draft.description());
		params.put("mode", draft.trigger().mode());
		params.put("triggerChannelId", null);
		params.put("startChannelId", null);
		params.put("stopChannelId", null);
		params.put("nameChannelId", null);
		params.putAll(draft.trigger().channelIds());
		params.put("enabled", draft.enabled());
		return params;
	}

	private BatchDefinition map(ResultSet rs, int row) throws SQLException {
		BatchTrigger trigger = switch (rs.getString("mode")) {
			case "VALUE_CHANGE" -> new BatchTrigger.ValueChange(id(rs, "trigger_channel_id"));
			default -> new BatchTrigger.StartStop(id(rs, "start_channel_id"), id(rs, "stop_channel_id"),
					id(rs, "name_channel_id"));
		};
		return new BatchDefinition(rs.getLong("id"), rs.getString("name"), rs.getString("description"), trigger,
				rs.getBoolean("enabled"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static Long id(ResultSet rs, String column) throws SQLException {
		long id = rs.getLong(column);
		return rs.wasNull() ? null : id;
	}

}
