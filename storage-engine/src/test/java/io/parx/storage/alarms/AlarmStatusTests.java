package io.parx.storage.alarms;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.parx.common.alarm.JournalQuery;

import static org.assertj.core.api.Assertions.assertThat;

class AlarmStatusTests {

	@Test
	void theJournalQueryAcceptsExactlyTheStatesAnAlarmCanBeIn() {
		// common's JournalQuery (also read by the analytics engine's export) cannot see
		// this
		// enum, which holds the transitions
		assertThat(JournalQuery.STATES)
			.containsExactlyElementsOf(Arrays.stream(AlarmStatus.values()).map(Enum::name).toList());
	}

}
