package io.parx.admin.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code PARX_ADMIN_USERNAME}, {@code PARX_ADMIN_PASSWORD}),
 * created only when the config database holds no user at all.
 *
 * @param username user name of the first administrator; empty for none
 * @param password its initial password; empty for none
 */
@ConfigurationProperties("parx.admin")
public record AdminSettings(String username, String password) {

	boolean isComplete() {
		return this.username != null && !this.username.isBlank() && this.password != null && !this.password.isEmpty();
	}

}
