package io.parx.common.config;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * This installation's identity: the one row of the config database's {@code installation}
 * table (schema V13), generated when the database was created. Read on first use, so a
 * service starts before its config database answers.
 */
public final class Installation {

	private final Supplier<String> read;

	private volatile String id;

	private Installation(Supplier<String> read) {
		this.read = read;
	}

	/** The installation of this config database. */
	public static Installation of(JdbcOperations configDb) {
		return new Installation(() -> configDb.queryForObject("select id::text from installation", String.class));
	}

	/** A fixed identity, for tests and tools. */
	public static Installation fixed(String id) {
		Objects.requireNonNull(id, "id");
		return new Installation(() -> id);
	}

	/** The id, a UUID. */
	public String id() {
		String current = this.id;
		if (current == null) {
			current = Objects.requireNonNull(this.read.get(), "installation id");
			this.id = current;
		}
		return current;
	}

}
