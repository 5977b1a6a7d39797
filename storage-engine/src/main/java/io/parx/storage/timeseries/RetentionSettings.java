package io.parx.storage.timeseries;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention and compression of the time-series database.
 *
 * @param interval how often the retention job runs
 * @param lateDataWindow how late samples may still arrive; chunks younger than this are
 * never compressed (TimescaleDB licence only)
 * @param compression whether to enable compression where the licence allows it
 * @param alarmJournal how long alarm journal entries are kept; zero: for ever
 */
@ConfigurationProperties("parx.storage.retention")
public record RetentionSettings(@DefaultValue("1h") Duration interval, @DefaultValue("7d") Duration lateDataWindow,
		@DefaultValue("true") boolean compression, @DefaultValue("730d") Duration alarmJournal) {

	public RetentionSettings {
		if (alarmJournal.isNegative()) {
			throw new IllegalArgumentException("parx.storage.retention.alarm-journal must not be negative");
		}
	}

}
