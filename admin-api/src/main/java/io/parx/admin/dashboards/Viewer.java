package io.parx.admin.dashboards;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

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
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return new Viewer(authentication.getName(), admin);
	}

	boolean canSee(Dashboard dashboard) {
		return this.admin || dashboard.shared() || dashboard.owner().equals(this.username);
	}

	boolean canChange(Dashboard dashboard) {
		return this.admin || dashboard.owner().equals(this.username);
	}

}
