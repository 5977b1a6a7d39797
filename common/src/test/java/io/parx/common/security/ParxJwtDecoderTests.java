package io.parx.common.security;

import java.time.Instant;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JWT negative suite: every way a token can break the ParX contract is rejected by
 * the decoder all token-verifying services use (RFC 8725, OWASP ASVS V9).
 */
class ParxJwtDecoderTests {

	static final TestTokens tokens = TestTokens.start();

	@AfterAll
	static void stop() {
		tokens.close();
	}

	/** What the resource servers use: keys fetched from the issuer's JWKS URL. */
	@Nested
	class FromJwksUrl extends Suite {

		FromJwksUrl() {
			super(ParxJwt.decoderForJwksUrl(tokens.jwksUrl()));
		}

	}

	/** What the issuer (admin-api) uses: its own key at hand. */
	@Nested
	class FromKeysAtHand extends Suite {

		FromKeysAtHand() {
			super(ParxJwt.decoderForKeys(new ImmutableJWKSet<>(tokens.publicKeys())));
		}

	}

	abstract static class Suite {

		final JwtDecoder decoder;

		Suite(JwtDecoder decoder) {
			this.decoder = decoder;
		}

		@Test
		void validTokenIsAcceptedWithSubjectUidAndRoles() {
			Jwt jwt = this.decoder.decode(tokens.token("alice", 7L, "OPERATOR"));
			assertThat(jwt.getSubject()).isEqualTo("alice");
			assertThat(jwt.<Number>getClaim(ParxJwt.UID_CLAIM).longValue()).isEqualTo(7L);
			assertThat(jwt.getClaimAsStringList(ParxJwt.ROLES_CLAIM)).containsExactly("OPERATOR");
		}

		@Test
		void rolesBecomeRoleAuthoritiesAndUnknownRolesAreDropped() {
			Jwt jwt = this.decoder.decode(tokens.token("bob", "ENGINEER", "ROOT"));
			JwtAuthenticationConverter converter = ParxJwt.authenticationConverter();
			// Spring Security 7 adds a FACTOR_BEARER authority of its own; only roles
			// matter
			// here
			assertThat(converter.convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.filteredOn((authority) -> authority.startsWith("ROLE_"))
				.containsExactly("ROLE_ENGINEER");
		}

		@Test
		void unsignedTokenWithAlgNoneIsRejected() {
			// RFC 8725 §2.1: "none" must never be accepted, even with otherwise perfect
			// claims
			assertRejected(tokens.unsignedToken("alice", "ADMIN"));
		}

		@Test
		void tokenSignedByAnotherKeyWithTheSameKidIsRejected() {
			assertRejected(tokens.wrongKeyToken("alice", "ADMIN"));
		}

		@Test
		void tokenWhosePayloadWasChangedAfterSigningIsRejected() {
			assertRejected(tokens.tamperedToken("alice", "OPERATOR"));
		}

		@Test
		void tokenForAnotherAudienceIsRejected() {
			// RFC 8725 §3.9: a token minted for another service must not be replayed here
			assertRejected(tokens.custom("alice", "ADMIN").audience("grafana").sign());
		}

		@Test
		void tokenFromAnotherIssuerIsRejected() {
			assertRejected(tokens.custom("alice", "ADMIN").issuer("evil").sign());
		}

		@Test
		void tokenWithoutTheAccessTokenTypeIsRejected() {
			// RFC 8725 §3.11 / RFC 9068 §2.1: explicit typing keeps ID tokens and others
			// out
			assertRejected(tokens.custom("alice", "ADMIN").type("JWT").sign());
			assertRejected(tokens.custom("alice", "ADMIN").type(null).sign());
		}

		@Test
		void expiredTokenIsRejected() {
			assertRejected(tokens.expiredToken("alice", "ADMIN"));
		}

		@Test
		void tokenWithoutExpiryIsRejected() {
			assertRejected(tokens.custom("alice", "ADMIN").expiresAt(null).sign());
		}

		@Test
		void tokenExpiredWithinTheClockSkewIsStillAccepted() {
			String token = tokens.custom("alice", "ADMIN")
				.issuedAt(Instant.now().minusSeconds(900))
				.expiresAt(Instant.now().minusSeconds(5))
				.sign();
			assertThat(this.decoder.decode(token).getSubject()).isEqualTo("alice");
		}

		@Test
		void garbageIsRejected() {
			assertRejected("not-a-token");
		}

		private void assertRejected(String token) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(token));
		}

	}

}
