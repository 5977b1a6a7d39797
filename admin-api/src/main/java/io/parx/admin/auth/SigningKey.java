package io.parx.admin.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 key pair that signs access tokens. It is created once and kept as a JWK file
 * (owner-only permissions) under the key directory, so tokens stay valid across restarts
 * and the JWKS the other services cached keeps working.
 */
public final class SigningKey {

	static final String FILE_NAME = "jwt-signing-key.json";

	private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

	private final ECKey key;

	private SigningKey(ECKey key) {
		this.key = key;
	}

	/** Loads the key from the directory, creating it on first start. */
	public static SigningKey loadOrCreate(Path directory) {
		Path file = directory.resolve(FILE_NAME);
		try {
			if (!Files.exists(file)) {
				create(directory, file);
			}
			ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
				throw new IllegalStateException(file + " does not hold a private P-256 key");
			}
			return new SigningKey(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the signing key " + file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the signing key " + file + " is corrupt", ex);
		}
	}

	private static void create(Path directory, Path file) throws IOException {
		Files.createDirectories(directory);
		ECKey key;
		try {
			key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate the signing key", ex);
		}
		Path temp = Files.createTempFile(directory, "signing-key", ".tmp");
		try {
			ownerOnly(temp);
			Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
			// no REPLACE_EXISTING: if another instance won the race, its key is used
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
			log.info("Created a new ES256 signing key {} in {}", key.getKeyID(), file);
		}
		catch (FileAlreadyExistsException ex) {
			log.debug("Signing key {} was created concurrently", file);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void ownerOnly(Path path) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): rely on the directory's ACL
		}
	}

	public String keyId() {
		return this.key.getKeyID();
	}

	ECPrivateKey privateKey() {
		try {
			return this.key.toECPrivateKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public half only. */
	public ECKey publicJwk() {
		return this.key.toPublicJWK();
	}

	/** The JWKS document ({@code {"keys":[...]}}) with the public key. */
	public Map<String, Object> jwks() {
		return new JWKSet(publicJwk()).toJSONObject(true);
	}

}
