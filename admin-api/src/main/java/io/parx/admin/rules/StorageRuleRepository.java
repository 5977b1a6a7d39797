package io.parx.admin.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code storage_rule} table and its channel selection {@code storage_rule_channel}.
 */
@Repository
class StorageRuleRepository {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String SELECT = """
			select r.*, coalesce((select array_agg(c.channel_id order by c.channel_id) from storage_rule_channel c
			  where c.rule_id = r.id), '{}') as channel_ids
			from storage_rule r""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	StorageRuleRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<StorageRule> find(long id) {
		return this.jdbc.sql(SELECT + " where r.id = ?").param(id).query(this::map).optional();
	}

	Page<StorageRule> list(String name, Long channelId, Pageable pageable) {
		String where = " where (cast(:name as text) is null or r.name ilike '%' || :name || '%')"
				+ " and (cast(:channel as bigint) is null or exists (select 1 from storage_rule_channel c"
				+ " where c.rule_id = r.id and c.channel_id = :channel))";
		Map<String, Object> params = new HashMap<>();
		params.put("name", name);
		params.put("channel", channelId);
		long total = this.jdbc.sql("select count(*) from storage_rule r" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<StorageRule> content = this.jdbc.sql(SELECT + where + " order by r.name, r.id limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(this::map)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	long insert(StorageRuleDraft draft) {
		long id = this.jdbc.sql("""
				insert into storage_rule (name, description, mode, settings, backend, backend_settings, retention_days,
				  enabled)
				values (:name, :description, :mode, cast(:settings as jsonb), :backend, cast(:backendSettings as jsonb),
				  :retentionDays, :enabled)
				returning id""").params(params(draft)).query(Long.class).single();
		replaceChannels(id, draft.channelIds());
		return id;
	}

	/**
	 * @return whether the rule still had {@code expectedVersion} and was updated
	 */
	boolean update(long id, StorageRuleDraft draft, long expectedVersion) {
		int updated = this.jdbc.sql("""
				update storage_rule set name = :name, description = :description, mode = :mode,
				  settings = cast(:settings as jsonb), backend = :backend,
				  backend_settings = cast(:backendSettings as jsonb), retention_days = :retentionDays,
				  enabled = :enabled, version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.params(params(draft))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 1) {
			replaceChannels(id, draft.channelIds());
		}
		return updated == 1;
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from storage_rule where id = ?").param(id).update() == 1;
	}

	private void replaceChannels(long id, List<Long> channelIds) {
		this.jdbc.sql("delete from storage_rule_channel where rule_id = ?").param(id).update();
		for (Long channelId : channelIds) {
			this.jdbc.sql("insert into storage_rule_channel (rule_id, channel_id) values (?, ?)")
				.params(id, channelId)
				.update();
		}
	}

	private Map<String, Object> params(StorageRuleDraft draft) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", draft.name());
		params.put("description", draft.description());
		params.put("mode", draft.mode().name());
		params.put("settings", this.json.writeValueAsString(draft.mode().toMap()));
		params.put("backend", draft.backend().name());
		params.put("backendSettings", this.json.writeValueAsString(draft.backend().toMap()));
		params.put("retentionDays", draft.retentionDays());
		params.put("enabled", draft.enabled());
		return params;
	}

	private StorageRule map(ResultSet rs, int row) throws SQLException {
		Long[] channelIds = (Long[]) rs.getArray("channel_ids").getArray();
		Object retention = rs.getObject("retention_days");
		return new StorageRule(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getString("mode"), this.json.readValue(rs.getString("settings"), MAP), rs.getString("backend"),
				this.json.readValue(rs.getString("backend_settings"), MAP),
				(retention != null) ? ((Number) retention).intValue() : null, rs.getBoolean("enabled"),
				List.of(channelIds), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
