package io.parx.admin.dashboards;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.parx.common.security.Role;

/**
 * The signed-in user as far as dashboards care: their name (the token's {@code sub}) and
 * whether they are an ADMIN, who sees and may change every dashboard.
 */
record Viewer(String username, boolean admin) {

	static Viewer current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			throw new IllegalStateException("no signed-in user");
		}
		return new Viewer(authentication.getName(), Role.of(authentication).contains(Role.ADMIN));
	}

	boolean canSee(Dashboard dashboard) {
		return this.admin || dashboard.shared() || dashboard.owner().equals(this.username);
	}

	boolean canChange(Dashboard dashboard) {
		return this.admin || dashboard.owner().equals(this.username);
	}

}
