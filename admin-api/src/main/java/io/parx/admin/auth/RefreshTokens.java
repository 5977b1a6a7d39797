package io.parx.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.parx.admin.users.UserCredentialsChanged;

/**
 * Issues, rotates and revokes refresh tokens. A token is 256 random bits; only its
 * SHA-256 is stored, so a database leak yields no usable token.
 */
@Component
class RefreshTokens {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

	private final SecureRandom random = new SecureRandom();

	private final RefreshTokenRepository tokens;

	private final AuthSettings settings;

	private final Clock clock;

	RefreshTokens(RefreshTokenRepository tokens, AuthSettings settings, Clock clock) {
		this.tokens = tokens;
		this.settings = settings;
		this.clock = clock;
	}

	/** A new token in a new family (a sign-in). */
	@Transactional
	String issue(long userId) {
		return issue(userId, UUID.randomUUID());
	}

	private String issue(long userId, UUID family) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.tokens.save(new RefreshToken(hash(token), family, userId, now, now.plus(this.settings.refreshTokenTtl())));
		return token;
	}

	/**
	 * Spends the presented token and issues its successor in the same family. A token
	 * that was already spent is reuse: the family is revoked (the changes commit even
	 * though the caller answers 401).
	 */
	@Transactional
	Rotation rotate(String token) {
		Optional<RefreshToken> found = this.tokens.findByTokenHash(hash(token));
		if (found.isEmpty()) {
			return new Rotation.Rejected("unknown refresh token");
		}
		RefreshToken current = found.get();
		Instant now = this.clock.instant();
		if (current.isSpent()) {
			int revoked = this.tokens.revokeFamily(current.familyId(), now);
			log.warn("Refresh token reuse for user {}: family {} revoked ({} tokens)", current.userId(),
					current.familyId(), revoked);
			return new Rotation.Reused(current.userId(), current.familyId());
		}
		if (current.isRevoked()) {
			return new Rotation.Rejected("refresh token revoked");
		}
		if (current.isExpired(now)) {
			return new Rotation.Rejected("refresh token expired");
		}
		current.spend(now);
		return new Rotation.Rotated(current.userId(), issue(current.userId(), current.familyId()));
	}

	/** Revokes the token's whole family (logout); the user id, if the token was known. */
	@Transactional
	Optional<Long> revoke(String token) {
		return this.tokens.findByTokenHash(hash(token)).map((found) -> {
			this.tokens.revokeFamily(found.familyId(), this.clock.instant());
			return found.userId();
		});
	}

	/**
	 * Ends every session of a user whose credentials changed, in the same transaction.
	 */
	@EventListener
	void credentialsChanged(UserCredentialsChanged event) {
		int revoked = this.tokens.revokeAllOfUser(event.userId(), this.clock.instant());
		log.debug("User {} {}: {} refresh tokens revoked", event.userId(), event.reason(), revoked);
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What became of a presented refresh token. */
	sealed interface Rotation {

		/** Valid: spent, and this is its successor. */
		record Rotated(long userId, String newToken) implements Rotation {
		}

		/** A spent token was presented again: its family is now revoked. */
		record Reused(long userId, UUID familyId) implements Rotation {
		}

		/** Unknown, revoked or expired. */
		record Rejected(String reason) implements Rotation {
		}

	}

}
