package io.parx.admin.auth;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code parx.auth.*}).
 *
 * @param accessTokenTtl lifetime of an access token (docs/CONTRACTS.md, "Security": 15
 * minutes)
 * @param refreshTokenTtl lifetime of a refresh token (docs/CONTRACTS.md, "Security": 7
 * days)
 * @param keyDirectory where the ES256 signing key is kept across restarts
 * ({@code $PARX_DATA_DIR/keys})
 * @param throttle growing delays after failed sign-ins
 */
@ConfigurationProperties("parx.auth")
public record AuthSettings(@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("7d") Duration refreshTokenTtl,
		@DefaultValue("./data/keys") Path keyDirectory, @DefaultValue Throttle throttle) {

	/**
	 * Login throttling. After {@code freeAttempts} failures within {@code window}, every
	 * further failure blocks the next attempt for {@code baseDelay} × 2^(n−1), capped at
	 * {@code maxAccountDelay} per account and {@code maxIpDelay} per client address. The
	 * low account cap means an attacker cannot lock a real user out for long.
	 *
	 * @param freeAttempts failures allowed before delays start
	 * @param baseDelay the first delay
	 * @param maxAccountDelay the longest delay imposed on one account
	 * @param maxIpDelay the longest delay imposed on one client address
	 * @param window how long failures are remembered after the last one
	 */
	public record Throttle(@DefaultValue("5") int freeAttempts, @DefaultValue("1s") Duration baseDelay,
			@DefaultValue("1m") Duration maxAccountDelay, @DefaultValue("15m") Duration maxIpDelay,
			@DefaultValue("1h") Duration window) {

		public Throttle {
			if (freeAttempts < 0) {
				throw new IllegalArgumentException("parx.auth.throttle.free-attempts must be 0 or more");
			}
		}

	}

}
