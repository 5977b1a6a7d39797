package io.parx.common.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The three ParX roles (docs/CONTRACTS.md, "Security"; matrix in docs/SECURITY.md).
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

	/** The roles among these authorities, e.g. those of the signed-in user. */
	public static Set<Role> of(Collection<? extends GrantedAuthority> authorities) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authorities) {
			for (Role role : values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/** The roles of this authentication; none without one. */
	public static Set<Role> of(Authentication authentication) {
		return (authentication != null) ? of(authentication.getAuthorities()) : EnumSet.noneOf(Role.class);
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
