package io.parx.common.alarm;

import java.time.Instant;

import io.parx.common.config.alarm.AlarmPriority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlarmChangedTests {

	private static final ActiveAlarm FURNACE = new ActiveAlarm(7, "Furnace hot", 42, "ACTIVE_UNACKED",
			Instant.parse("2026-12-05T08:00:01.5Z"), 871.5, AlarmPriority.HIGH, "furnace: 871.5 °C", null, null, null);

	private static final AlarmJournalEntry ACTIVATED = new AlarmJournalEntry(Instant.parse("2026-12-05T08:00:01.5Z"), 7,
			"Furnace hot", 42, "ACTIVATED", "ACTIVE_UNACKED", AlarmPriority.HIGH, 871.5, "furnace: 871.5 °C", null,
			null);

	@Test
	void anActiveAlarmIsWrittenWithTheFieldsOfTheRestListInTheirOrder() {
		// the web console reads the hash, the REST list and the live frames with one type
		assertThat(FURNACE.toJson()).isEqualTo("{\"definitionId\":7,\"name\":\"Furnace hot\",\"channelId\":42,"
				+ "\"state\":\"ACTIVE_UNACKED\",\"activatedAt\":\"2026-12-05T08:00:01.500Z\",\"value\":871.5,"
				+ "\"priority\":\"HIGH\",\"message\":\"furnace: 871.5 °C\",\"acknowledgedAt\":null,"
				+ "\"acknowledgedBy\":null,\"shelvedUntil\":null}");
	}

	@Test
	void aChangeSurvivesTheWire() {
		AlarmChanged change = new AlarmChanged(ACTIVATED, FURNACE);
		assertThat(AlarmChanged.fromJson(change.toJson())).isEqualTo(change);
	}

	@Test
	void anAlarmThatLeftTheListIsSentWithANullActiveEntry() {
		AlarmChanged change = new AlarmChanged(ACTIVATED, null);
		assertThat(change.toJson()).endsWith(",\"active\":null}");
		assertThat(AlarmChanged.fromJson(change.toJson()).active()).isNull();
	}

	@Test
	void valuesKeepTheirJsonType() {
		// a DISCRETE alarm's value is a boolean or a text, not a number
		assertThat(ActiveAlarm.fromJson(withValue("true")).value()).isEqualTo(true);
		assertThat(ActiveAlarm.fromJson(withValue("\"open\"")).value()).isEqualTo("open");
		assertThat(ActiveAlarm.fromJson(withValue("null")).value()).isNull();
	}

	@Test
	void textThatIsNotAnAlarmChangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AlarmChanged.fromJson("{\"active\":null}"));
		assertThatIllegalArgumentException().isThrownBy(() -> AlarmChanged.fromJson("not json"));
		assertThatIllegalArgumentException().isThrownBy(() -> AlarmChanged.fromJson("null"));
	}

	private static String withValue(String value) {
		return FURNACE.toJson().replace("871.5,", value + ",");
	}

}
