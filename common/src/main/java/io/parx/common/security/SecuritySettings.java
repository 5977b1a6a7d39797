package io.parx.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token verification settings shared by the token-verifying services.
 *
 * @param jwksUrl where the issuer (admin-api) publishes its public keys
 * ({@code PARX_JWKS_URL})
 * @param metricsToken a static bearer token that may read {@code /actuator/prometheus}
 * and nothing else, so Prometheus scrapes without a person's expiring token
 * ({@code PARX_METRICS_TOKEN}, at least 32 characters); {@code null}: only an ADMIN's
 * token may
 */
@ConfigurationProperties("parx.security")
public record SecuritySettings(String jwksUrl, String metricsToken) {

	/** Shortest scrape token: guessing must be hopeless. */
	public static final int MIN_METRICS_TOKEN_LENGTH = 32;

	public static final String DEFAULT_JWKS_URL = "http://localhost:3000/.well-known/jwks.json";

	public SecuritySettings {
		if (jwksUrl == null || jwksUrl.isBlank()) {
			jwksUrl = DEFAULT_JWKS_URL;
		}
		if (metricsToken != null && metricsToken.isBlank()) {
			metricsToken = null;
		}
		if (metricsToken != null && metricsToken.strip().length() < MIN_METRICS_TOKEN_LENGTH) {
			throw new IllegalArgumentException(
					"PARX_METRICS_TOKEN must be at least " + MIN_METRICS_TOKEN_LENGTH + " characters");
		}
	}

}
