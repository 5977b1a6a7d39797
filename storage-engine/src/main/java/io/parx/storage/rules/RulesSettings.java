package io.parx.storage.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the storage engine keeps its rules current.
 *
 * @param resyncInterval how often the rules are compared with the config database, for
 * changes whose config event this instance missed (Redis pub/sub does not redeliver)
 */
@ConfigurationProperties("parx.storage.rules")
public record RulesSettings(@DefaultValue("60s") Duration resyncInterval) {

	public RulesSettings {
		if (resyncInterval.isNegative() || resyncInterval.isZero()) {
			throw new IllegalArgumentException("parx.storage.rules.resync-interval must be positive");
		}
	}

}
