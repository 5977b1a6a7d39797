package io.parx.admin.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A refresh token, known only by the SHA-256 of its value. Tokens descending from one
 * sign-in share a family; reuse of a spent token revokes the family (OAuth 2.0 Security
 * BCP, RFC 9700 §4.14.2).
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "token_hash", nullable = false)
	private String tokenHash;

	@Column(name = "family_id", nullable = false)
	private UUID familyId;

	@Column(name = "user_id", nullable = false)
	private long userId;

	@Column(name = "issued_at", nullable = false)
	private Instant issuedAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected RefreshToken() {
	}

	RefreshToken(String tokenHash, UUID familyId, long userId, Instant issuedAt, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.familyId = familyId;
		this.userId = userId;
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
	}

	UUID familyId() {
		return this.familyId;
	}

	long userId() {
		return this.userId;
	}

	boolean isSpent() {
		return this.usedAt != null;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	void spend(Instant now) {
		this.usedAt = now;
	}

}
