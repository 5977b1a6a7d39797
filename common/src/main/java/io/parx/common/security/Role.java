package io.parx.common.security;

import java.util.Optional;

/**
 * The three ParX roles (CONTRACTS.md, "Security"; matrix in docs/SECURITY.md).
 */
public enum Role {

	/** Everything, including users and the audit trail. */
	ADMIN,

	/**
	 * Configures channels, storage rules, batch definitions, dashboards and derived
	 * signals.
	 */
	ENGINEER,

	/** Reads live data, dashboards, history, statistics and exports. */
	OPERATOR;

	/** The Spring Security authority of this role, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return ParxJwt.AUTHORITY_PREFIX + name();
	}

	/** The role with this exact name, or empty. */
	public static Optional<Role> parse(String name) {
		for (Role role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
