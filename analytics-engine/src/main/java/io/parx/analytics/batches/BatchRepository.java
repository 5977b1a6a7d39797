package io.parx.analytics.batches;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import io.parx.analytics.system.TimeseriesDb;

/** Reads batches from the time-series database. */
@Repository
public class BatchRepository {

	private static final String COLUMNS = "select id, definition_id, name, start_time, end_time from batch ";

	private final TimeseriesDb db;

	BatchRepository(TimeseriesDb db) {
		this.db = db;
	}

	record Filter(Instant from, Instant to, String search, Long definitionId) {
	}

	List<Batch> page(Filter filter, int page, int size) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		params.add(size);
		params.add((long) page * size);
		return this.db.jdbc()
			.query(COLUMNS + where + " order by start_time desc, id desc limit ? offset ?", BatchRepository::map,
					params.toArray());
	}

	long count(Filter filter) {
		List<Object> params = new ArrayList<>();
		Long count = this.db.jdbc()
			.queryForObject("select count(*) from batch " + where(filter, params), Long.class, params.toArray());
		return (count != null) ? count : 0;
	}

	public Optional<Batch> find(long id) {
		return this.db.jdbc().query(COLUMNS + "where id = ?", BatchRepository::map, id).stream().findFirst();
	}

	/**
	 * Batches overlapping [from, to), whose name contains the search text or whose id
	 * equals it.
	 */
	private static String where(Filter filter, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.to() != null) {
			conditions.add("start_time < ?");
			params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
		}
		if (filter.from() != null) {
			conditions.add("(end_time is null or end_time >= ?)");
			params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
		}
		if (filter.definitionId() != null) {
			conditions.add("definition_id = ?");
			params.add(filter.definitionId());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			String search = filter.search().strip();
			conditions.add("(name ilike ? escape '\\' or id::text = ?)");
			params.add("%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.add(search);
		}
		return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
	}

	private static Batch map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime end = rs.getObject(5, OffsetDateTime.class);
		return new Batch(rs.getLong(1), rs.getLong(2), rs.getString(3),
				rs.getObject(4, OffsetDateTime.class).toInstant(), (end != null) ? end.toInstant() : null);
	}

}
