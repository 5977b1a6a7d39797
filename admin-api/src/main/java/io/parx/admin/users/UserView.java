package io.parx.admin.users;

import java.time.Instant;

import io.parx.common.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;

/** A user as the API shows it; the password hash never leaves the service. */
@Schema(name = "User", requiredProperties = { "id", "username", "role", "enabled", "version", "createdAt", "updatedAt",
		"passwordChangedAt" })
public record UserView(long id, String username, Role role, boolean enabled, long version, Instant createdAt,
		Instant updatedAt, Instant passwordChangedAt) {

	static UserView of(User user) {
		return new UserView(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(), user.getVersion(),
				user.getCreatedAt(), user.getUpdatedAt(), user.getPasswordChangedAt());
	}

}
