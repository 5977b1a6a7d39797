package io.parx.storage.file;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CSV file backend.
 *
 * @param baseDirectory root of every FILE rule's directory; a rule's directory is
 * resolved inside it and may not leave it
 * @param defaultNaming file name template when a rule sets none; placeholders
 * {@code {rule} {channel} {yyyy} {MM} {dd} {HH} {mm} {ss}}
 * @param retention finished files older than this are deleted (a rule's retentionDays
 * overrides it)
 * @param checkInterval how often time-based rotation and retention are checked
 */
@ConfigurationProperties("parx.storage.file")
public record FileSettings(@DefaultValue("./data/csv") Path baseDirectory,
		@DefaultValue("{rule}_{yyyy}{MM}{dd}_{HH}{mm}{ss}.csv") String defaultNaming,
		@DefaultValue("30d") Duration retention, @DefaultValue("5s") Duration checkInterval) {

}
