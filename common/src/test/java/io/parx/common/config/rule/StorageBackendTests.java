package io.parx.common.config.rule;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import io.parx.common.config.FieldProblem;
import io.parx.common.config.InvalidSettingsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StorageBackendTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theStoredDocumentOfEveryBackendReadsAsTheRequestItWasWrittenFrom() {
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.backends()) {
			StorageBackend fromRequest = StorageBackend.fromJson(entry.name(), entry.sent(7));
			Map<String, Object> written = JSON.readValue(JSON.writeValueAsString(fromRequest.toMap()),
					new TypeReference<>() {
					});
			assertThat(written).as(entry.name()).isEqualTo(entry.stored(7));
			assertThat(StorageBackend.fromJson(entry.name(), entry.stored(7))).as(entry.name()).isEqualTo(fromRequest);
		}
	}

	@Test
	void aFileRuleWithoutNamingUsesTheStorageEnginesDefault() {
		StorageBackend.File file = (StorageBackend.File) StorageBackend.fromJson("FILE", Map.of("directory", "a"));
		assertThat(file).isEqualTo(new StorageBackend.File("a", null, 0, 0));
		assertThat(file.namingOr("{rule}.csv")).isEqualTo("{rule}.csv");
		assertThat(new StorageBackend.File("a", "{channel}.csv", 0, 0).namingOr("{rule}.csv"))
			.isEqualTo("{channel}.csv");
	}

	@Test
	void aBadDocumentNamesEveryFieldUnderBackendSettings() {
		InvalidSettingsException ex = catchThrowableOfType(InvalidSettingsException.class,
				() -> StorageBackend.fromJson("FILE", Map.of("directory", "../etc", "naming", "{rule}_{week}.csv",
						"rotateEveryMs", 500, "rotateSizeBytes", 10, "x", 1)));
		assertThat(ex.problems()).extracting(FieldProblem::field)
			.containsExactly("backendSettings.directory", "backendSettings.naming", "backendSettings.rotateEveryMs",
					"backendSettings.rotateSizeBytes", "backendSettings.x");
		assertThat(catchThrowableOfType(InvalidSettingsException.class,
				() -> StorageBackend.fromJson("TIMESCALE", Map.of("directory", "a")))
			.problems()).containsExactly(new FieldProblem("backendSettings.directory", "is not a known field"));
	}

	@Test
	void aFileBackendCannotBeBuiltOutsideItsDirectory() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageBackend.File("../../etc", null, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageBackend.File("/etc", null, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageBackend.File("a", "x/{rule}.csv", 0, 0));
	}

}
