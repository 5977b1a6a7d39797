package io.parx.admin.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.parx.common.security.AccessRules;

/**
 * Who may call which URL of the admin-api: the role matrix of docs/SECURITY.md (first
 * matching rule wins). Common's {@code ParxSecurityAutoConfiguration} enforces it with
 * the rules every service shares (open health and API docs, actuator for ADMIN, nothing
 * for a token without a role, deny the rest); tokens are checked by the
 * {@code JwtDecoder} of the auth package.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	AccessRules accessRules() {
		return AccessRules.builder()
			// signing in and the public keys
			.open(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout")
			.open(HttpMethod.GET, "/.well-known/jwks.json")
			// everyone changes their own password; the controller checks it is their own
			.allow(AccessRules.EVERY_ROLE, HttpMethod.PUT, "/api/v1/users/*/password")
			.allow(AccessRules.ADMINS, "/api/v1/users", "/api/v1/users/**", "/api/v1/audit", "/api/v1/audit/**")
			.allow(AccessRules.EVERY_ROLE, "/api/v1/auth/**")
			// reading is for every role; exporting a dashboard template is a read
			.allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/**")
			.allow(AccessRules.EVERY_ROLE, HttpMethod.POST, "/api/v1/dashboards/*/export")
			// writing a value to a device: the channel's operatorWritable decides for
			// OPERATOR
			.allow(AccessRules.EVERY_ROLE, HttpMethod.POST, "/api/v1/io/channels/*/write")
			// configuring channels, storage rules, batches, dashboards
			.allow(AccessRules.CONFIGURERS, "/api/v1/**")
			.build();
	}

}
