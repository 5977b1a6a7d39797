package io.parx.storage.timeseries;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;
import io.parx.common.sample.Sample;
import io.parx.db.TimeseriesCapabilities;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TimeseriesBackend;
import io.parx.storage.rules.RuleSet;
import io.parx.storage.rules.StorageRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.parx.storage.timeseries.TimeseriesWriterTests.count;
import static io.parx.storage.timeseries.TimeseriesWriterTests.dataSource;
import static org.assertj.core.api.Assertions.assertThat;

/** Retention per rule on both backends (issue 5, "Retention"). */
class RetentionJobTests {

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void rowsPastTheLongestRetentionOfTheirRulesAreDeletedAndRollupsKept(TimeseriesBackend backend)
			throws SQLException {
		TestDatabase db = TestDatabases.createTimeseriesDb(backend);
		TimeseriesWriter writer = new TimeseriesWriter(dataSource(db), InsertMethod.DIRECT_COPY);
		Instant old = Instant.now().minus(Duration.ofDays(40));
		Instant recent = Instant.now().minus(Duration.ofDays(5));
		writer.write(List.of(Sample.of(1, old, 1), Sample.of(1, recent, 2), Sample.of(2, old, 3),
				Sample.of(2, recent, 4), Sample.of(3, old, 5)), List.of(), Map.of());
		// Channel 1: 30 days. Channel 2: 30 days by one rule but 60 by another, so 60.
		// Channel 3: a rule without retention keeps it for ever.
		RuleSet rules = new RuleSet(List.of(rule(1, 30, 1L, 2L), rule(2, 60, 2L), rule(3, null, 3L)), List.of());

		long deleted = new RetentionJob(dataSource(db), TimeseriesCapabilities.detect(dataSource(db))).apply(rules);

		assertThat(deleted).isOne();
		assertThat(count(db, "select count(*) from samples where channel_id = 1")).isOne();
		assertThat(count(db, "select count(*) from samples where channel_id = 2")).isEqualTo(2);
		assertThat(count(db, "select count(*) from samples where channel_id = 3")).isOne();
		assertThat(count(db, "select sum(sample_count) from rollup_1h")).isEqualTo(5);
	}

	@ParameterizedTest
	@EnumSource(TimeseriesBackend.class)
	void alarmJournalEntriesPastTheirRetentionAreDeleted(TimeseriesBackend backend) throws SQLException {
		TestDatabase db = TestDatabases.createTimeseriesDb(backend);
		for (int daysAgo : new int[] { 800, 400, 5 }) {
			execute(db,
					"insert into alarm_journal (time, definition_id, state, event, channel_id, "
							+ "name, priority, message) values (now() - interval '" + daysAgo
							+ " days', 1, 'ACTIVE_UNACKED', 'ACTIVATED', 7, 'hot', 3, 'hot')");
		}
		RetentionJob job = new RetentionJob(dataSource(db), TimeseriesCapabilities.detect(dataSource(db)));

		job.applyToAlarmJournal(Duration.ZERO);
		assertThat(count(db, "select count(*) from alarm_journal")).isEqualTo(3);
		job.applyToAlarmJournal(Duration.ofDays(730));
		assertThat(count(db, "select count(*) from alarm_journal")).isEqualTo(2);
		job.applyToAlarmJournal(Duration.ofDays(30));
		assertThat(count(db, "select count(*) from alarm_journal")).isOne();
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static StorageRule rule(long id, Integer days, Long... channels) {
		return new StorageRule(id, "r" + id, new StorageMode.Continuous(Duration.ZERO), new StorageBackend.Timescale(),
				List.of(channels), days);
	}

}
