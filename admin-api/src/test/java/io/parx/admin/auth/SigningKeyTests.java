package io.parx.admin.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyTests {

	@Test
	void keySurvivesARestart(@TempDir Path directory) {
		SigningKey first = SigningKey.loadOrCreate(directory.resolve("keys"));
		SigningKey again = SigningKey.loadOrCreate(directory.resolve("keys"));
		assertThat(again.keyId()).isEqualTo(first.keyId());
		assertThat(again.publicJwk()).isEqualTo(first.publicJwk());
	}

	@Test
	void keyFileIsReadableByTheOwnerOnly(@TempDir Path directory) throws Exception {
		SigningKey.loadOrCreate(directory);
		assertThat(
				PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(SigningKey.FILE_NAME))))
			.isEqualTo("rw-------");
	}

	@Test
	void jwksPublishesNoPrivatePart(@TempDir Path directory) {
		SigningKey key = SigningKey.loadOrCreate(directory);
		List<?> keys = (List<?>) key.jwks().get("keys");
		assertThat(keys).singleElement()
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("crv", "P-256")
			.containsEntry("kid", key.keyId())
			.doesNotContainKey("d");
	}

}
