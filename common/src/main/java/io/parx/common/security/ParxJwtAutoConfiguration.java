package io.parx.common.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Verifies ParX access tokens against the issuer's JWKS ({@code parx.security.jwks-url})
 * with the checks of {@link ParxJwt#validator()}, and maps the {@code roles} claim to
 * {@code ROLE_*} authorities. Each service still defines its own
 * {@code SecurityFilterChain}; {@code oauth2ResourceServer(o -> o.jwt(...))} picks both
 * beans up.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties(SecuritySettings.class)
public class ParxJwtAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder parxJwtDecoder(SecuritySettings settings) {
		return ParxJwt.decoderForJwksUrl(settings.jwksUrl());
	}

	@Bean
	@ConditionalOnMissingBean(JwtAuthenticationConverter.class)
	JwtAuthenticationConverter parxJwtAuthenticationConverter() {
		return ParxJwt.authenticationConverter();
	}

}
