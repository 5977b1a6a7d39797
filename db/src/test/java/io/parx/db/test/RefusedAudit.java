package io.parx.db.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * A config database whose {@code audit_event} refuses the entries of one entity type
 * while this is open: a trigger raises an exception, as a database that cannot take the
 * entry would. For tests that a change that cannot be audited is undone and answered 503
 * {@code /problems/audit-unavailable}. Close it (try-with-resources) to drop the trigger.
 */
public final class RefusedAudit implements AutoCloseable {

	private static final Pattern ENTITY_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,40}");

	private final Connections connections;

	private final String name;

	private RefusedAudit(Connections connections, String entityType) throws SQLException {
		if (!ENTITY_TYPE.matcher(entityType).matches()) {
			throw new IllegalArgumentException("not an audit entity type: " + entityType);
		}
		this.connections = connections;
		this.name = "refuse_" + entityType.replace('-', '_') + "_audit";
		execute("create function " + this.name + "() returns trigger language plpgsql as $$ "
				+ "begin raise exception 'audit refused by the test'; end; $$");
		execute("create trigger " + this.name + " before insert on audit_event for each row when (new.entity_type = '"
				+ entityType + "') execute function " + this.name + "()");
	}

	/** Refuses the audit entries of {@code entityType} (e.g. {@code derived-signal}). */
	public static RefusedAudit of(TestDatabase database, String entityType) throws SQLException {
		return new RefusedAudit(database::connect, entityType);
	}

	/**
	 * Refuses the audit entries of {@code entityType} (e.g. {@code opcua-certificate}).
	 */
	public static RefusedAudit of(DataSource dataSource, String entityType) throws SQLException {
		return new RefusedAudit(dataSource::getConnection, entityType);
	}

	@Override
	public void close() throws SQLException {
		execute("drop trigger " + this.name + " on audit_event");
		execute("drop function " + this.name + "()");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.connections.open(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@FunctionalInterface
	private interface Connections {

		Connection open() throws SQLException;

	}

}
