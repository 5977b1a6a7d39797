package io.parx.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.parx.common.redis.RedisSettings;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Growing delays after failed sign-ins, per account and per client address (OWASP ASVS
 * V2.2.1), kept in Redis so every admin-api instance sees them.
 *
 * <p>
 * A failure beyond the free attempts blocks the next attempt for base × 2^(n−1). Attempts
 * made while blocked are refused before the password is checked and do not count, so the
 * block never grows by itself; the account delay is capped low
 * ({@code max-account-delay}) so an attacker cannot lock a real user out, while the
 * address delay may grow longer.
 */
@Component
class LoginThrottle {

	private final StringRedisTemplate redis;

	private final AuthSettings.Throttle settings;

	private final String prefix;

	LoginThrottle(StringRedisTemplate redis, AuthSettings settings, RedisSettings redisSettings) {
		this.redis = redis;
		this.settings = settings.throttle();
		this.prefix = redisSettings.prefix() + "auth:";
	}

	/** How long this attempt must wait, or empty when it may proceed. */
	Optional<Duration> blocked(String username, String clientIp) {
		long millis = 0;
		for (Scope scope : scopes(username, clientIp)) {
			Long ttl = this.redis.getExpire(scope.blockKey(), java.util.concurrent.TimeUnit.MILLISECONDS);
			if (ttl != null && ttl > 0) {
				millis = Math.max(millis, ttl);
			}
		}
		return (millis > 0) ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
	}

	void failed(String username, String clientIp) {
		for (Scope scope : scopes(username, clientIp)) {
			Long failures = this.redis.opsForValue().increment(scope.failKey());
			this.redis.expire(scope.failKey(), this.settings.window());
			long beyond = ((failures != null) ? failures : 1) - this.settings.freeAttempts();
			if (beyond > 0) {
				this.redis.opsForValue().set(scope.blockKey(), "1", delay(beyond, scope.maxDelay()));
			}
		}
	}

	/** A successful sign-in clears the account's record (the address keeps its own). */
	void succeeded(String username) {
		Scope account = account(username);
		this.redis.delete(List.of(account.failKey(), account.blockKey()));
	}

	Duration delay(long failuresBeyondFree, Duration max) {
		long exponent = Math.min(failuresBeyondFree - 1, 30);
		Duration delay = this.settings.baseDelay().multipliedBy(1L << exponent);
		return (delay.compareTo(max) > 0) ? max : delay;
	}

	private List<Scope> scopes(String username, String clientIp) {
		Scope address = new Scope("ip:" + ((clientIp != null) ? clientIp : "unknown"), this.settings.maxIpDelay());
		return List.of(account(username), address);
	}

	private Scope account(String username) {
		// hashed: the key must not grow with what an anonymous client sends (issue #17)
		return new Scope("acct:" + sha256(username.toLowerCase(Locale.ROOT)), this.settings.maxAccountDelay());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private final class Scope {

		private final String id;

		private final Duration maxDelay;

		Scope(String id, Duration maxDelay) {
			this.id = id;
			this.maxDelay = maxDelay;
		}

		String failKey() {
			return LoginThrottle.this.prefix + "fail:" + this.id;
		}

		String blockKey() {
			return LoginThrottle.this.prefix + "block:" + this.id;
		}

		Duration maxDelay() {
			return this.maxDelay;
		}

	}

}
