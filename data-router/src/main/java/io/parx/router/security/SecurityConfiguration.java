package io.parx.router.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.parx.common.security.AccessRules;

/**
 * Who may call what (docs/SECURITY.md). {@code /ws} is open at this level because its
 * handshake authenticates itself (the token comes as a query parameter or subprotocol,
 * which the bearer filter does not read; a token without a role is refused there with 403
 * too); the reference client is public. Open paths, actuator and the rest are common's
 * {@code ParxSecurityAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	AccessRules accessRules() {
		return AccessRules.builder().open(HttpMethod.GET, "/ws", "/parx-live.js").build();
	}

}
