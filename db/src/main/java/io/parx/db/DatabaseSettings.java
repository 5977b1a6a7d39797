package io.parx.db;

import java.util.Map;

/**
 * Where a database is, as the services see it: a JDBC URL and credentials read from the
 * environment variables of docs/CONTRACTS.md ("Environment variables"), with the same
 * defaults as the services.
 *
 * @param url JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/parx_config}
 * @param username user name
 * @param password password, empty for trust or peer authentication
 */
record DatabaseSettings(String url, String username, String password) {

	DatabaseSettings {
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
		}
	}

	/**
	 * {@code PARX_CONFIG_DB_URL}, {@code PARX_CONFIG_DB_USER},
	 * {@code PARX_CONFIG_DB_PASSWORD}.
	 */
	static DatabaseSettings config(Map<String, String> env) {
		return fromEnv(env, "PARX_CONFIG_DB", "jdbc:postgresql://localhost:5432/parx_config");
	}

	/** {@code PARX_TS_DB_URL}, {@code PARX_TS_DB_USER}, {@code PARX_TS_DB_PASSWORD}. */
	static DatabaseSettings timeseries(Map<String, String> env) {
		return fromEnv(env, "PARX_TS_DB", "jdbc:postgresql://localhost:5432/parx_ts");
	}

	private static DatabaseSettings fromEnv(Map<String, String> env, String prefix, String defaultUrl) {
		return new DatabaseSettings(get(env, prefix + "_URL", defaultUrl), get(env, prefix + "_USER", "parx"),
				get(env, prefix + "_PASSWORD", ""));
	}

	private static String get(Map<String, String> env, String name, String fallback) {
		String value = env.get(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** The database name in the URL ({@code parx_config} above). */
	String databaseName() {
		int start = databaseStart();
		int end = this.url.indexOf('?', start);
		return this.url.substring(start, (end < 0) ? this.url.length() : end);
	}

	/**
	 * The same server and parameters with another database, e.g. {@code postgres} to
	 * create the target database.
	 */
	DatabaseSettings withDatabase(String database) {
		int start = databaseStart();
		int end = this.url.indexOf('?', start);
		return new DatabaseSettings(
				this.url.substring(0, start) + database + ((end < 0) ? "" : this.url.substring(end)), this.username,
				this.password);
	}

	// jdbc:postgresql://host[:port][,host2...]/database[?params] or
	// jdbc:postgresql:database
	private int databaseStart() {
		String prefix = "jdbc:postgresql:";
		if (!this.url.startsWith("//", prefix.length())) {
			return prefix.length();
		}
		int slash = this.url.indexOf('/', prefix.length() + 2);
		if (slash < 0) {
			throw new IllegalArgumentException("the JDBC URL names no database: " + this.url);
		}
		return slash + 1;
	}

	@Override
	public String toString() {
		return "DatabaseSettings[url=" + this.url + ", username=" + this.username + ", password=***]";
	}

}
