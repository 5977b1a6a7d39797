package io.parx.analytics.derived;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import io.parx.analytics.system.ConfigDb;

/** Derived signals in the config database. */
@Repository
class DerivedSignalRepository {

	private static final String COLUMNS = "select id, name, description, formula, unit, created_by, version, "
			+ "created_at, updated_at from derived_signal ";

	private final ConfigDb config;

	DerivedSignalRepository(ConfigDb config) {
		this.config = config;
	}

	List<DerivedSignal> page(int page, int size) {
		return this.config.jdbc()
			.sql(COLUMNS + "order by name, id limit ? offset ?")
			.params(size, (long) page * size)
			.query(DerivedSignalRepository::map)
			.list();
	}

	long count() {
		return this.config.jdbc().sql("select count(*) from derived_signal").query(Long.class).single();
	}

	Optional<DerivedSignal> find(long id) {
		return this.config.jdbc()
			.sql(COLUMNS + "where id = ?")
			.param(id)
			.query(DerivedSignalRepository::map)
			.optional();
	}

	boolean nameTaken(String name) {
		return this.config.jdbc()
			.sql("select count(*) from derived_signal where name = ?")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	DerivedSignal insert(String name, String description, String formula, String unit, String createdBy) {
		long id = this.config.jdbc()
			.sql("insert into derived_signal (name, description, formula, unit, created_by) values (?, ?, ?, ?, ?) "
					+ "returning id")
			.params(name, description, formula, unit, createdBy)
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	boolean delete(long id) {
		return this.config.jdbc().sql("delete from derived_signal where id = ?").param(id).update() > 0;
	}

	private static DerivedSignal map(ResultSet rs, int row) throws SQLException {
		return new DerivedSignal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getLong(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)));
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
