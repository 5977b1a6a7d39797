package io.parx.storage.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.parx.common.security.AccessRules;

/**
 * Who may call what (docs/SECURITY.md): the status is read-only, so every role reads it;
 * alarms are read and acknowledged by every role and shelved by engineers and admins;
 * webhook deliveries are read by every role and tested by engineers and admins. Open
 * paths, actuator and the rest are common's {@code ParxSecurityAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	AccessRules accessRules() {
		return AccessRules.builder()
			.allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/storage/status")
			// alarms (issue 19): everyone sees and acknowledges them; shelving is
			// configuring
			.allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/alarms/active", "/api/v1/alarms/journal")
			.allow(AccessRules.EVERY_ROLE, HttpMethod.POST, "/api/v1/alarms/*/acknowledge")
			.allow(AccessRules.CONFIGURERS, HttpMethod.POST, "/api/v1/alarms/*/shelve")
			// webhook deliveries: everyone sees them, as everyone reads the webhooks;
			// sending a test is configuring
			.allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/alarms/webhooks/*/deliveries")
			.allow(AccessRules.CONFIGURERS, HttpMethod.POST, "/api/v1/alarms/webhooks/*/test")
			.build();
	}

}
