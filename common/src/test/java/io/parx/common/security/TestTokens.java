package io.parx.common.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Test helper for every token-verifying service: an ES256 key of its own, its JWKS served
 * on a random local port, and access tokens that follow the ParX contract (or break one
 * rule of it on purpose).
 *
 * <pre class="code">
 * static final TestTokens TOKENS = TestTokens.start();
 * registry.add("parx.security.jwks-url", TOKENS::jwksUrl);
 * mockMvc.perform(get("/x").header("Authorization", "Bearer " + TOKENS.token("alice", "OPERATOR")));
 * </pre>
 *
 * The server runs on a daemon thread for the life of the JVM; {@link #close()} stops it
 * early.
 */
public final class TestTokens implements AutoCloseable {

	private final ECKey key;

	private final ECKey otherKey;

	private final HttpServer server;

	private TestTokens(ECKey key, ECKey otherKey, HttpServer server) {
		this.key = key;
		this.otherKey = otherKey;
		this.server = server;
	}

	/** Creates a key and serves its JWKS on {@code 127.0.0.1:<random port>}. */
	public static TestTokens start() {
		try {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID("test-" + UUID.randomUUID()).generate();
			ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
			byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(jwks);
				}
			});
			server.start();
			return new TestTokens(key, otherKey, server);
		}
		catch (JOSEException | IOException ex) {
			throw new IllegalStateException("cannot start the test JWKS server", ex);
		}
	}

	/**
	 * Tokens signed with a key at hand, e.g. the admin-api's own signing key, without a
	 * JWKS server ({@link #jwksUrl()} is unavailable).
	 */
	public static TestTokens forKey(ECKey key) {
		try {
			ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
			return new TestTokens(key, otherKey, null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The URL to set as {@code parx.security.jwks-url}. */
	public String jwksUrl() {
		if (this.server == null) {
			throw new IllegalStateException("these tokens are signed with a key at hand; no JWKS is served");
		}
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/** The public key set this helper serves, for decoders built from keys at hand. */
	public JWKSet publicKeys() {
		return new JWKSet(this.key.toPublicJWK());
	}

	/** A valid access token for this user with these roles (uid 1). */
	public String token(String username, String... roles) {
		return token(username, 1L, roles);
	}

	/** A valid access token for this user id, user name and roles. */
	public String token(String username, long uid, String... roles) {
		return custom(username, roles).uid(uid).sign();
	}

	/** A token that expired a minute ago (beyond the allowed clock skew). */
	public String expiredToken(String username, String... roles) {
		return custom(username, roles).issuedAt(Instant.now().minus(Duration.ofMinutes(20)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();
	}

	/** A token with a valid shape signed by a key the JWKS does not hold (same kid). */
	public String wrongKeyToken(String username, String... roles) {
		return custom(username, roles).signWith(this.otherKey).sign();
	}

	/** A valid token with its payload changed after signing (role escalated). */
	public String tamperedToken(String username, String... roles) {
		String token = token(username, roles);
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = payload.replace("\"sub\":\"" + username + "\"", "\"sub\":\"admin\"")
			.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"ADMIN\"]");
		parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
		return String.join(".", parts);
	}

	/** An unsigned token ({@code alg: none}) with otherwise valid claims. */
	public String unsignedToken(String username, String... roles) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
		String payload = b64
			.encodeToString(custom(username, roles).claims().toString().getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	/** A builder for tokens that break one rule (wrong aud, iss, typ, ...). */
	public Builder custom(String username, String... roles) {
		return new Builder(this.key, username, Arrays.asList(roles));
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	/** Builds one token; every field starts valid. */
	public static final class Builder {

		private ECKey signingKey;

		private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();

		private String type = ParxJwt.TYPE;

		private Instant issuedAt = Instant.now();

		private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));

		Builder(ECKey signingKey, String username, List<String> roles) {
			this.signingKey = signingKey;
			this.claims.subject(username)
				.issuer(ParxJwt.ISSUER)
				.audience(ParxJwt.AUDIENCE)
				.jwtID(UUID.randomUUID().toString())
				.claim(ParxJwt.UID_CLAIM, 1L)
				.claim(ParxJwt.ROLES_CLAIM, roles);
		}

		public Builder uid(long uid) {
			this.claims.claim(ParxJwt.UID_CLAIM, uid);
			return this;
		}

		public Builder issuer(String issuer) {
			this.claims.issuer(issuer);
			return this;
		}

		public Builder audience(String audience) {
			this.claims.audience(audience);
			return this;
		}

		/** The JOSE {@code typ}; {@code null} leaves it out. */
		public Builder type(String type) {
			this.type = type;
			return this;
		}

		public Builder issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		/** The expiry; {@code null} leaves {@code exp} out. */
		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		public Builder claim(String name, Object value) {
			this.claims.claim(name, value);
			return this;
		}

		public Builder customize(Consumer<JWTClaimsSet.Builder> customizer) {
			customizer.accept(this.claims);
			return this;
		}

		Builder signWith(ECKey key) {
			this.signingKey = key;
			return this;
		}

		JWTClaimsSet claims() {
			this.claims.issueTime(Date.from(this.issuedAt));
			this.claims.expirationTime((this.expiresAt != null) ? Date.from(this.expiresAt) : null);
			return this.claims.build();
		}

		public String sign() {
			JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.signingKey.getKeyID());
			if (this.type != null) {
				header.type(new JOSEObjectType(this.type));
			}
			try {
				SignedJWT jwt = new SignedJWT(header.build(), claims());
				jwt.sign(new ECDSASigner(this.signingKey));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
