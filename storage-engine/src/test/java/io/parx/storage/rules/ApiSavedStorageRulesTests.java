package io.parx.storage.rules;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.rule.ApiSavedStorageRules;
import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.storage.support.ConfigFixtures;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storage rule of each mode and backend saved through the admin-api with only its
 * required settings ({@link ApiSavedStorageRules}, whose documents the admin-api's test
 * holds against what it stores) is loaded from the config database with the contract's
 * defaults (issue #18).
 */
class ApiSavedStorageRulesTests {

	@Test
	void everyModeIsLoadedWithTheContractsDefaults() {
		TestDatabase db = TestDatabases.createConfigDb();
		ConfigFixtures config = new ConfigFixtures(db);
		long channel = config.channel();
		Map<String, Long> ruleIds = new HashMap<>();
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.modes()) {
			ruleIds.put(entry.name(), config.rule(entry.name(), entry.storedJson(channel), channel));
		}

		Map<Long, StorageRule> loaded = new HashMap<>();
		new RuleSetReader(dataSource(db)).load().rules().forEach((rule) -> loaded.put(rule.id(), rule));

		assertThat(loaded.get(ruleIds.get("CONTINUOUS")).mode()).isEqualTo(new StorageMode.Continuous(Duration.ZERO));
		assertThat(loaded.get(ruleIds.get("CHANGE")).mode())
			.isEqualTo(new StorageMode.Change(0.5, StorageMode.DeadbandType.ABSOLUTE, Duration.ZERO));
		assertThat(loaded.get(ruleIds.get("EVENT")).mode())
			.isEqualTo(new StorageMode.Event(channel, StorageMode.Edge.RISING));
		StorageRule trigger = loaded.get(ruleIds.get("TRIGGER"));
		assertThat(trigger.mode())
			.isEqualTo(new StorageMode.Trigger("#" + channel + " > 5", StorageMode.TriggerStore.WHILE_TRUE));
		assertThat(trigger.trigger().channelIds()).isEqualTo(List.of(channel));
	}

	@Test
	void everyBackendIsLoadedWithTheContractsDefaults() {
		TestDatabase db = TestDatabases.createConfigDb();
		ConfigFixtures config = new ConfigFixtures(db);
		long channel = config.channel();
		Map<String, Long> ruleIds = new HashMap<>();
		for (ApiSavedStorageRules.Entry entry : ApiSavedStorageRules.backends()) {
			ruleIds.put(entry.name(),
					config.rule("CONTINUOUS", "{}", entry.name(), entry.storedJson(channel), channel));
		}

		Map<Long, StorageRule> loaded = new HashMap<>();
		new RuleSetReader(dataSource(db)).load().rules().forEach((rule) -> loaded.put(rule.id(), rule));

		assertThat(loaded.get(ruleIds.get("TIMESCALE")).backend()).isEqualTo(new StorageBackend.Timescale());
		// no naming stored: parx.storage.file.default-naming applies when the file is
		// opened
		assertThat(loaded.get(ruleIds.get("FILE")).backend())
			.isEqualTo(new StorageBackend.File("line1/csv", null, 0, 0));
	}

	private static PGSimpleDataSource dataSource(TestDatabase db) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(db.jdbcUrl());
		dataSource.setUser(db.username());
		dataSource.setPassword(db.password());
		return dataSource;
	}

}
