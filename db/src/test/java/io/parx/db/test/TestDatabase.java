package io.parx.db.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database created for one test run. */
public record TestDatabase(String jdbcUrl, String username, String password, String name) {

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

}
