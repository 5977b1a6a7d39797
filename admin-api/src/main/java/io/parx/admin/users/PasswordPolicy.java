package io.parx.admin.users;

import java.nio.charset.StandardCharsets;

/**
 * What a new password must satisfy: at least {@value #MIN_LENGTH} characters (OWASP ASVS
 * V2.1.1) and at most {@value #MAX_BYTES} bytes in UTF-8, because bcrypt only reads the
 * first 72 bytes and a longer password would silently lose its tail.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** Why this password is refused, or {@code null} when it is acceptable. */
	public static String violation(String password) {
		if (password == null || password.isEmpty()) {
			return "is required";
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "must have at least " + MIN_LENGTH + " characters";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "must not be longer than " + MAX_BYTES + " bytes in UTF-8 (bcrypt limit)";
		}
		return null;
	}

}
