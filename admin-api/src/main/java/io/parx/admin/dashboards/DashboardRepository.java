package io.parx.admin.dashboards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.parx.admin.request.Violations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code dashboard} table (config migration V10). */
@Repository
class DashboardRepository {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DashboardRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Dashboard> find(long id) {
		return this.jdbc.sql("select * from dashboard where id = ?").param(id).query(this::map).optional();
	}

	Optional<Dashboard> findByUid(UUID uid) {
		return this.jdbc.sql("select * from dashboard where uid = ?").param(uid).query(this::map).optional();
	}

	/**
	 * Dashboards {@code viewer} may see: shared ones and their own; all for
	 * {@code everything}.
	 */
	Page<Dashboard> list(String viewer, boolean everything, String name, Pageable pageable) {
		String where = " where (:everything or shared or owner = :viewer)"
				+ " and (cast(:name as text) is null or name ilike '%' || :name || '%')";
		Map<String, Object> params = new HashMap<>();
		params.put("viewer", viewer);
		params.put("everything", everything);
		params.put("name", name);
		long total = this.jdbc.sql("select count(*) from dashboard" + where).params(params).query(Long.class).single();
		List<Dashboard> content = this.jdbc
			.sql("select * from dashboard" + where + " order by name, id limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(this::map)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	Dashboard insert(UUID uid, DashboardDraft draft, String owner) {
		return this.jdbc.sql("""
				insert into dashboard (uid, name, description, owner, shared, layout)
				values (coalesce(:uid, gen_random_uuid()), :name, :description, :owner, :shared,
				  cast(:layout as jsonb))
				returning *""").params(params(draft)).param("uid", uid).param("owner", owner).query(this::map).single();
	}

	Optional<Dashboard> update(long id, DashboardDraft draft, long expectedVersion) {
		return this.jdbc.sql("""
				update dashboard set name = :name, description = :description, shared = :shared,
				  layout = cast(:layout as jsonb), version = version + 1, updated_at = now()
				where id = :id and version = :version
				returning *""")
			.params(params(draft))
			.param("id", id)
			.param("version", expectedVersion)
			.query(this::map)
			.optional();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from dashboard where id = ?").param(id).update() == 1;
	}

	private Map<String, Object> params(DashboardDraft draft) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", draft.name());
		params.put("description", draft.description());
		params.put("shared", draft.shared());
		params.put("layout", this.json.writeValueAsString(Dashboard.layout(draft.widgets(), "channelIds")));
		return params;
	}

	private Dashboard map(ResultSet rs, int row) throws SQLException {
		Map<String, Object> layout = this.json.readValue(rs.getString("layout"), MAP);
		List<Widget> widgets = Widget.readLayout(layout, "layout", "channelIds", new Violations());
		return new Dashboard(rs.getLong("id"), rs.getObject("uid", UUID.class), rs.getString("name"),
				rs.getString("description"), rs.getString("owner"), rs.getBoolean("shared"), widgets,
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
