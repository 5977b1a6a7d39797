package io.parx.storage.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.parx.common.security.AccessRules;

/**
 * Who may call what (docs/SECURITY.md): the status is read-only, so every role reads it.
 * Open paths, actuator and the rest are common's {@code ParxSecurityAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	AccessRules accessRules() {
		return AccessRules.builder().allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/storage/status").build();
	}

}
