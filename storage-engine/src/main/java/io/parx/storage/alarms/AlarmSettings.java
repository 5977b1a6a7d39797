package io.parx.storage.alarms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alarm endpoints of the storage engine.
 *
 * @param commandTimeout how long an acknowledgement or shelving waits for the ingest
 * thread to take it (it applies commands between batches; a database outage holds it)
 * @param maxShelve the longest a person may shelve an alarm for (ISA-18.2 §11.6: shelving
 * is time-limited)
 */
@ConfigurationProperties("parx.storage.alarms")
public record AlarmSettings(@DefaultValue("10s") Duration commandTimeout, @DefaultValue("24h") Duration maxShelve) {

	public AlarmSettings {
		if (!commandTimeout.isPositive() || !maxShelve.isPositive()) {
			throw new IllegalArgumentException("parx.storage.alarms durations must be positive");
		}
	}

}
