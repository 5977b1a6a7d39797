package io.parx.bench.router;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

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
import io.parx.common.security.ParxJwt;

/**
 * Plays the admin-api for the router under test: an ES256 key, its JWKS, and access
 * tokens.
 */
public final class BenchTokens implements AutoCloseable {

	private final ECKey key;

	private final HttpServer server;

	public BenchTokens() throws Exception {
		this.key = new ECKeyGenerator(Curve.P_256).keyID("bench-" + UUID.randomUUID()).generate();
		byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/.well-known/jwks.json", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		this.server.start();
	}

	public String jwksUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	public String token(String user, String role) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user)
			.issuer(ParxJwt.ISSUER)
			.audience(ParxJwt.AUDIENCE)
			.claim(ParxJwt.UID_CLAIM, 1L)
			.claim(ParxJwt.ROLES_CLAIM, List.of(role))
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID())
			.type(new JOSEObjectType(ParxJwt.TYPE))
			.build(), claims);
		jwt.sign(new ECDSASigner(this.key));
		return jwt.serialize();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
