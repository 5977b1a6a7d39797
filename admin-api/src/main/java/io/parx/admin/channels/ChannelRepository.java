package io.parx.admin.channels;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parx.admin.request.ConfigProblems;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.ChannelSettings;
import io.parx.common.config.channel.Protocol;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code channel} table. Plain SQL: the settings are JSONB and the tags an array, and
 * the version check of an update is one {@code where} clause.
 */
@Repository
public class ChannelRepository {

	private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "protocol", "protocol",
			"dataType", "data_type", "collector", "collector", "createdAt", "created_at", "updatedAt", "updated_at");

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ChannelRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Channel> find(long id) {
		return this.jdbc.sql("select * from channel where id = ?").param(id).query(this::map).optional();
	}

	Optional<Channel> findByName(String name) {
		return this.jdbc.sql("select * from channel where name = ?").param(name).query(this::map).optional();
	}

	/** Names of the given channels that exist, by id. */
	public Map<Long, String> namesById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("select id, name from channel where id in (:ids)").param("ids", ids).query((rs) -> {
			names.put(rs.getLong("id"), rs.getString("name"));
		});
		return names;
	}

	/** Ids of the given channel names that exist, by name. */
	public Map<String, Long> idsByName(Collection<String> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("select id, name from channel where name in (:names)").param("names", names).query((rs) -> {
			ids.put(rs.getString("name"), rs.getLong("id"));
		});
		return ids;
	}

	Page<Channel> list(ChannelFilter filter, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.name() != null) {
			where.append(" and name ilike :name escape '\\'");
			params.put("name", "%" + likeEscaped(filter.name()) + "%");
		}
		if (filter.tag() != null) {
			// containment, not "= any(tags)": only this form uses the GIN index on tags
			where.append(" and tags @> array[cast(:tag as text)]");
			params.put("tag", filter.tag());
		}
		if (filter.protocol() != null) {
			where.append(" and protocol = :protocol");
			params.put("protocol", filter.protocol().name());
		}
		if (filter.device() != null) {
			where.append(" and coalesce(settings->>'host', settings->>'endpointUrl', settings->>'brokerUrl', '')"
					+ " ilike :device escape '\\'");
			params.put("device", "%" + likeEscaped(filter.device()) + "%");
		}
		if (filter.collector() != null) {
			where.append(" and collector = :collector");
			params.put("collector", filter.collector());
		}
		if (filter.enabled() != null) {
			where.append(" and enabled = :enabled");
			params.put("enabled", filter.enabled());
		}
		long total = this.jdbc.sql("select count(*) from channel" + where).params(params).query(Long.class).single();
		List<Channel> content = this.jdbc
			.sql("select * from channel" + where + orderBy(pageable.getSort()) + " limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(this::map)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	Channel insert(ChannelDraft draft) {
		return this.jdbc.sql("""
				insert into channel (name, description, unit, data_type, scale, value_offset, poll_interval_ms, enabled,
				  collector, tags, protocol, settings)
				values (:name, :description, :unit, :dataType, :scale, :offset, :pollIntervalMs, :enabled,
				  :collector, :tags, :protocol, cast(:settings as jsonb))
				returning *""").params(params(draft)).query(this::map).single();
	}

	/**
	 * Updates the channel if it still has {@code expectedVersion}; empty if it has not.
	 */
	Optional<Channel> update(long id, ChannelDraft draft, long expectedVersion) {
		return this.jdbc.sql("""
				update channel set name = :name, description = :description, unit = :unit, data_type = :dataType,
				  scale = :scale, value_offset = :offset, poll_interval_ms = :pollIntervalMs, enabled = :enabled,
				  collector = :collector, tags = :tags, protocol = :protocol, settings = cast(:settings as jsonb),
				  version = version + 1, updated_at = now()
				where id = :id and version = :version
				returning *""")
			.params(params(draft))
			.param("id", id)
			.param("version", expectedVersion)
			.query(this::map)
			.optional();
	}

	/**
	 * The settings as they would read back after being stored, to compare with stored
	 * ones.
	 */
	Map<String, Object> storedForm(ChannelSettings settings) {
		return this.json.readValue(this.json.writeValueAsString(settings.toMap()), MAP);
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from channel where id = ?").param(id).update() == 1;
	}

	/** Names of the EVENT storage rules whose condition is this channel. */
	List<String> rulesConditionedOn(long id) {
		return this.jdbc.sql(
				"select name from storage_rule where mode = 'EVENT' and settings->>'conditionChannelId' = ? order by name")
			.param(Long.toString(id))
			.query(String.class)
			.list();
	}

	/**
	 * Dependents that the database changes along with a deleted channel, each with its
	 * version after the change: rules that select it get a new version (their selection
	 * shrinks), batch definitions it triggers are deleted (cascade), those it names lose
	 * their name channel.
	 */
	Dependents touchDependents(long id) {
		List<long[]> rules = this.jdbc.sql("""
				update storage_rule set version = version + 1, updated_at = now()
				where id in (select rule_id from storage_rule_channel where channel_id = ?)
				returning id, version""")
			.param(id)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<long[]> deletedBatches = this.jdbc.sql("""
				select id, version from batch_definition
				where trigger_channel_id = :id or start_channel_id = :id or stop_channel_id = :id""")
			.param("id", id)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<long[]> renamedBatches = this.jdbc.sql("""
				update batch_definition set version = version + 1, updated_at = now()
				where name_channel_id = :id
				  and not (trigger_channel_id is not distinct from :id or start_channel_id is not distinct from :id
				    or stop_channel_id is not distinct from :id)
				returning id, version""")
			.param("id", id)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		return new Dependents(rules, deletedBatches, renamedBatches);
	}

	/**
	 * Ids and versions ({@code [id, version]}) of the dependents of a deleted channel.
	 */
	record Dependents(List<long[]> updatedRules, List<long[]> deletedBatches, List<long[]> updatedBatches) {
	}

	static String orderBy(Sort sort) {
		if (sort.isUnsorted()) {
			return " order by name, id";
		}
		StringBuilder sql = new StringBuilder(" order by ");
		for (Sort.Order order : sort) {
			String column = SORTABLE.get(order.getProperty());
			if (column == null) {
				throw ConfigProblems.invalid("sort", "can sort by " + SORTABLE.keySet() + " only");
			}
			sql.append(column).append(order.isAscending() ? " asc, " : " desc, ");
		}
		return sql.append("id").toString();
	}

	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Map<String, Object> params(ChannelDraft draft) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", draft.name());
		params.put("description", draft.description());
		params.put("unit", draft.unit());
		params.put("dataType", draft.dataType().name());
		params.put("scale", draft.scale());
		params.put("offset", draft.offset());
		params.put("pollIntervalMs", draft.pollIntervalMs());
		params.put("enabled", draft.enabled());
		params.put("collector", draft.collector());
		params.put("tags", draft.tags().toArray(String[]::new));
		params.put("protocol", draft.settings().protocol().name());
		params.put("settings", this.json.writeValueAsString(draft.settings().toMap()));
		return params;
	}

	private Channel map(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		return new Channel(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("unit"),
				DataType.valueOf(rs.getString("data_type")), rs.getDouble("scale"), rs.getDouble("value_offset"),
				rs.getInt("poll_interval_ms"), rs.getBoolean("enabled"), rs.getString("collector"),
				List.of((String[]) tags.getArray()), Protocol.valueOf(rs.getString("protocol")),
				this.json.readValue(rs.getString("settings"), MAP), rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
