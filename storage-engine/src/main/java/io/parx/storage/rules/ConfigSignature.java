package io.parx.storage.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A digest of the configuration rows a {@link RuleSet} is built from. Two loads with the
 * same signature built the same rules, so a resync that finds nothing new keeps the
 * current rules, and with them the state of their trigger formulas (moving averages,
 * integrals).
 */
final class ConfigSignature {

	private final MessageDigest digest;

	ConfigSignature() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** Adds the first {@code columns} columns of the current row. */
	void add(ResultSet row, int columns) throws SQLException {
		for (int i = 1; i <= columns; i++) {
			String value = row.getString(i);
			this.digest.update((value != null) ? value.getBytes(StandardCharsets.UTF_8) : new byte[] { 0 });
			this.digest.update((byte) 0x1f);
		}
		this.digest.update((byte) 0x1e);
	}

	String value() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

}
