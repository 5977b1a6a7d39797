package io.parx.admin.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.parx.common.security.ParxJwt;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthConfiguration {

	@Bean
	SigningKey signingKey(AuthSettings settings) {
		return SigningKey.loadOrCreate(settings.keyDirectory());
	}

	/**
	 * The admin-api verifies its own tokens with the key at hand instead of fetching its
	 * own JWKS over HTTP; the checks are the shared ones of {@link ParxJwt}.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKey key) {
		return ParxJwt.decoderForKeys(new ImmutableJWKSet<>(new JWKSet(key.publicJwk())));
	}

	/**
	 * Spring Security's delegating encoder: new hashes are {@code {bcrypt}}, older
	 * formats stay readable and can be upgraded later.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
