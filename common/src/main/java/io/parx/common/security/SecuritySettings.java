package io.parx.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token verification settings shared by the token-verifying services.
 *
 * @param jwksUrl where the issuer (admin-api) publishes its public keys
 * ({@code PARX_JWKS_URL})
 */
@ConfigurationProperties("parx.security")
public record SecuritySettings(String jwksUrl) {

	public static final String DEFAULT_JWKS_URL = "http://localhost:3000/.well-known/jwks.json";

	public SecuritySettings {
		if (jwksUrl == null || jwksUrl.isBlank()) {
			jwksUrl = DEFAULT_JWKS_URL;
		}
	}

}
