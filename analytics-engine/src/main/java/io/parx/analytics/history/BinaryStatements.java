package io.parx.analytics.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Prepares the statements of large reads so that PostgreSQL sends their rows in binary
 * from the first execution. By default the driver asks for binary results only after a
 * statement has run five times on the same connection (prepareThreshold); until then the
 * server prints every double and timestamp as text and the driver parses it again, and
 * with a pool of ten connections that is the first fifty executions of every query.
 */
final class BinaryStatements {

	private BinaryStatements() {
	}

	static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		if (statement.isWrapperFor(PGStatement.class)) {
			// A negative threshold means: server-prepare now and force binary transfer.
			statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
		}
		return statement;
	}

}
