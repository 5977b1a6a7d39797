package io.parx.analytics.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.parx.common.security.AccessRules;

/**
 * Who may call what (docs/SECURITY.md): every role reads and exports; saving and deleting
 * derived signals needs ENGINEER or ADMIN. Open paths, actuator and the rest are common's
 * {@code ParxSecurityAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	AccessRules accessRules() {
		return AccessRules.builder()
			.allow(AccessRules.CONFIGURERS, HttpMethod.POST, "/api/v1/analytics/derived/signals")
			.allow(AccessRules.CONFIGURERS, HttpMethod.DELETE, "/api/v1/analytics/derived/signals/*")
			.allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/analytics/**")
			.allow(AccessRules.EVERY_ROLE, HttpMethod.POST, "/api/v1/analytics/query", "/api/v1/analytics/chart",
					"/api/v1/analytics/export", "/api/v1/analytics/derived/evaluate")
			.build();
	}

}
