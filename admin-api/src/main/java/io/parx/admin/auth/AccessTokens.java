package io.parx.admin.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.jsonwebtoken.Jwts;

import org.springframework.stereotype.Component;

import io.parx.common.security.ParxJwt;
import io.parx.common.security.Role;

/**
 * Mints ES256 access tokens as docs/CONTRACTS.md ("Security") describes them: header
 * {@code typ} {@code at+jwt} and {@code kid}; claims {@code iss}, {@code aud},
 * {@code sub} (user name), {@code uid}, {@code roles}, {@code iat}, {@code exp},
 * {@code jti}.
 */
@Component
public class AccessTokens {

	private final SigningKey key;

	private final AuthSettings settings;

	private final Clock clock;

	AccessTokens(SigningKey key, AuthSettings settings, Clock clock) {
		this.key = key;
		this.settings = settings;
		this.clock = clock;
	}

	/** A token for this user, valid for {@code parx.auth.access-token-ttl}. */
	public String issue(String username, long userId, Role role) {
		Instant now = this.clock.instant();
		return issue(username, userId, role, now, now.plus(this.settings.accessTokenTtl()));
	}

	String issue(String username, long userId, Role role, Instant issuedAt, Instant expiresAt) {
		return Jwts.builder()
			.header()
			.type(ParxJwt.TYPE)
			.keyId(this.key.keyId())
			.and()
			.issuer(ParxJwt.ISSUER)
			.audience()
			.add(ParxJwt.AUDIENCE)
			.and()
			.subject(username)
			.claim(ParxJwt.UID_CLAIM, userId)
			.claim(ParxJwt.ROLES_CLAIM, List.of(role.name()))
			.issuedAt(Date.from(issuedAt))
			.expiration(Date.from(expiresAt))
			.id(UUID.randomUUID().toString())
			.signWith(this.key.privateKey(), Jwts.SIG.ES256)
			.compact();
	}

	/** Lifetime of a token in seconds, the {@code expiresIn} of the login answer. */
	public long lifetimeSeconds() {
		return this.settings.accessTokenTtl().toSeconds();
	}

}
