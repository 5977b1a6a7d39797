package io.parx.common.config.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.FieldProblem;
import io.parx.common.config.SettingsReader;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlarmDefinitionTests {

	private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

	@Test
	void theIssuesHiExampleReadsWithDefaultsForEverythingElse() {
		AlarmDefinition definition = AlarmDefinition.fromMap(Map.of("name", "Furnace hot", "channelId", 42, "type",
				"HI", "limit", 870, "deadband", 2, "priority", "HIGH"));
		assertThat(definition.condition()).isEqualTo(new AlarmCondition.Limit(AlarmType.HI, 870, 2));
		assertThat(definition.onDelay()).isEqualTo(Duration.ZERO);
		assertThat(definition.priority()).isEqualTo(AlarmPriority.HIGH);
		assertThat(definition.message()).isEqualTo(MessageTemplate.DEFAULT);
		assertThat(definition.enabled()).isTrue();
	}

	@Test
	void theStoredFormReadsBackToTheSameDefinition() {
		// the admin-api stores toMap(), the storage engine reads it with fromMap()
		for (Map<String, Object> sent : List.<Map<String, Object>>of(
				Map.of("name", "a", "channelId", 1, "type", "LOLO", "limit", -5.5, "onDelayMs", 1000, "offDelayMs",
						2000, "priority", 4, "message", "{channel} low: {value} {unit}", "enabled", false),
				Map.of("name", "b", "channelId", 2, "type", "DISCRETE", "alarmValue", true),
				Map.of("name", "c", "channelId", 3, "type", "DISCRETE", "alarmValue", 3),
				Map.of("name", "d", "channelId", 4, "type", "BAD_QUALITY", "onDelayMs", 30000))) {
			AlarmDefinition definition = AlarmDefinition.fromMap(sent);
			Map<String, Object> stored = new HashMap<>(definition.toMap());
			stored.values().removeIf((v) -> v == null);
			assertThat(AlarmDefinition.fromMap(stored)).isEqualTo(definition);
		}
	}

	@Test
	void everyBadFieldIsNamedAtOnce() {
		SettingsReader reader = new SettingsReader(Map.of("channelId", 0, "type", "HI", "deadband", -1, "priority",
				"URGENT", "onDelayMs", -1, "message", "{channel} at {temperature}"));
		assertThat(AlarmDefinition.read(reader)).isNull();
		assertThat(reader.problems()).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("name", "channelId", "limit", "deadband", "priority", "onDelayMs", "message");
	}

	@Test
	void fieldsOfAnotherTypeAreRefusedRatherThanIgnored() {
		// a limit on a DISCRETE alarm means the user misunderstood the type
		SettingsReader reader = new SettingsReader(
				Map.of("name", "x", "channelId", 1, "type", "BAD_QUALITY", "limit", 5, "alarmValue", true));
		assertThat(AlarmDefinition.read(reader)).isNull();
		assertThat(reader.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("limit", "alarmValue");
	}

	@Test
	void aHighLimitClearsOnlyBelowItsDeadband() {
		AlarmCondition hi = new AlarmCondition.Limit(AlarmType.HI, 100, 2);
		assertThat(hi.inAlarm(Sample.of(1, T, 100), false)).isFalse();
		assertThat(hi.inAlarm(Sample.of(1, T, 100.1), false)).isTrue();
		assertThat(hi.inAlarm(Sample.of(1, T, 98.5), true)).isTrue();
		assertThat(hi.inAlarm(Sample.of(1, T, 98), true)).isFalse();
		AlarmCondition lo = new AlarmCondition.Limit(AlarmType.LO, 10, 1);
		assertThat(lo.inAlarm(Sample.of(1, T, 9.9), false)).isTrue();
		assertThat(lo.inAlarm(Sample.of(1, T, 10.5), true)).isTrue();
		assertThat(lo.inAlarm(Sample.of(1, T, 11), true)).isFalse();
	}

	@Test
	void aSampleWithoutValueSaysNothingAboutALimitButRaisesABadQualityAlarm() {
		Sample bad = Sample.failed(1, T, Quality.BAD_TIMEOUT);
		assertThat(new AlarmCondition.Limit(AlarmType.HI, 1, 0).inAlarm(bad, false)).isNull();
		assertThat(new AlarmCondition.Discrete(true).inAlarm(bad, false)).isNull();
		assertThat(new AlarmCondition.BadQuality().inAlarm(bad, false)).isTrue();
		assertThat(new AlarmCondition.BadQuality().inAlarm(Sample.of(1, T, 1), true)).isFalse();
	}

	@Test
	void aDiscreteAlarmComparesBooleansAndNumbers() {
		AlarmCondition whenTrue = new AlarmCondition.Discrete(true);
		assertThat(whenTrue.inAlarm(Sample.of(1, T, SampleValue.of(true), Quality.GOOD), false)).isTrue();
		assertThat(whenTrue.inAlarm(Sample.of(1, T, SampleValue.of(false), Quality.GOOD), false)).isFalse();
		assertThat(new AlarmCondition.Discrete(3.0).inAlarm(Sample.of(1, T, 3), false)).isTrue();
		assertThat(new AlarmCondition.Discrete(3.0).inAlarm(Sample.of(1, T, 2), false)).isFalse();
	}

	@Test
	void aTemplateFillsItsPlaceholdersAndRefusesUnknownOnes() {
		assertThat(new MessageTemplate("{channel} hot: {value} {unit}").render("furnace", "871.5", "°C"))
			.isEqualTo("furnace hot: 871.5 °C");
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageTemplate("{chanel}"));
	}

}
