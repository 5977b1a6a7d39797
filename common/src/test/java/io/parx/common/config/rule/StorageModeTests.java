package io.parx.common.config.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.common.config.FieldProblem;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.SettingsReader;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StorageModeTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theStoredDocumentOfEveryModeReadsAsTheRequestItWasWrittenFrom() {
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.modes()) {
			StorageMode fromRequest = StorageMode.fromJson(entry.name(), entry.sent(7));
			Map<String, Object> written = JSON.readValue(JSON.writeValueAsString(fromRequest.toMap()),
					new TypeReference<>() {
					});
			assertThat(written).as(entry.name()).isEqualTo(asJson(entry.stored(7)));
			assertThat(StorageMode.fromJson(entry.name(), entry.stored(7))).as(entry.name()).isEqualTo(fromRequest);
		}
	}

	@Test
	void omittedSettingsTakeTheDocumentedDefaults() {
		assertThat(StorageMode.fromJson("CONTINUOUS", Map.of())).isEqualTo(new StorageMode.Continuous(Duration.ZERO));
		assertThat(StorageMode.fromJson("CHANGE", Map.of()))
			.isEqualTo(new StorageMode.Change(0, StorageMode.DeadbandType.ABSOLUTE, Duration.ZERO));
		assertThat(StorageMode.fromJson("EVENT", Map.of("conditionChannelId", 3)))
			.isEqualTo(new StorageMode.Event(3, StorageMode.Edge.RISING));
		assertThat(StorageMode.fromJson("TRIGGER", Map.of("formula", "#3 > 1")))
			.isEqualTo(new StorageMode.Trigger("#3 > 1", StorageMode.TriggerStore.WHILE_TRUE));
	}

	@Test
	void aBadDocumentNamesEveryFieldUnderSettings() {
		InvalidSettingsException ex = catchThrowableOfType(InvalidSettingsException.class, () -> StorageMode
			.fromJson("CHANGE", Map.of("deadband", 150, "deadbandType", "PERCENT", "maxIntervalMs", -1, "x", 1)));
		assertThat(ex.problems()).extracting(FieldProblem::field)
			.containsExactly("settings.deadband", "settings.maxIntervalMs", "settings.x");
	}

	@Test
	void theReaderReturnsNothingWhenAFieldWasRejected() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(StorageMode.read("EVENT", new SettingsReader(Map.of(), "settings.", problems))).isNull();
		assertThat(problems).containsExactly(new FieldProblem("settings.conditionChannelId", "is required"));
	}

	@Test
	void theModesCannotBeBuiltInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageMode.Continuous(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StorageMode.Change(101, StorageMode.DeadbandType.PERCENT, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageMode.Event(0, StorageMode.Edge.BOTH));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StorageMode.Trigger(" ", StorageMode.TriggerStore.WHILE_TRUE));
	}

	@Test
	void edgesMatchTheirTransitions() {
		assertThat(StorageMode.Edge.RISING.matches(false, true)).isTrue();
		assertThat(StorageMode.Edge.RISING.matches(true, false)).isFalse();
		assertThat(StorageMode.Edge.FALLING.matches(true, false)).isTrue();
		assertThat(StorageMode.Edge.BOTH.matches(true, false)).isTrue();
		assertThat(StorageMode.Edge.BOTH.matches(true, true)).isFalse();
	}

	private static Map<String, Object> asJson(Map<String, Object> map) {
		return JSON.readValue(JSON.writeValueAsString(map), new TypeReference<>() {
		});
	}

}
