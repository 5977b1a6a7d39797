package io.parx.storage.rules;

import java.util.function.Supplier;

import io.parx.common.config.ConfigChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link RuleSet}, reloaded as a whole from the config database when a
 * storage rule, batch definition or channel changes (a {@code config} event). Readers get
 * a consistent snapshot; the ingest thread picks up the new one at its next batch.
 */
public class RuleCatalog implements Supplier<RuleSet> {

	private static final Logger logger = LoggerFactory.getLogger(RuleCatalog.class);

	private final ConfigRepository repository;

	private volatile RuleSet current = RuleSet.empty();

	public RuleCatalog(ConfigRepository repository) {
		this.repository = repository;
	}

	@Override
	public RuleSet get() {
		return this.current;
	}

	public void reload() {
		RuleSet loaded = this.repository.load();
		this.current = loaded;
		logger.info("Loaded {} storage rules and {} batch definitions", loaded.rules().size(),
				loaded.batchDefinitions().size());
	}

	/** Handles a message of the config channel. */
	public void onConfigEvent(String message) {
		ConfigChanged event;
		try {
			event = ConfigChanged.fromJson(message);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Ignoring config event: {}", ex.getMessage());
			return;
		}
		switch (event.entity()) {
			case STORAGE_RULE, BATCH_DEFINITION, CHANNEL -> {
				try {
					reload();
				}
				catch (RuntimeException ex) {
					logger.error("Reloading rules after {} failed; keeping the previous rules: {}", event.toJson(),
							ex.toString());
				}
			}
			default -> {
			}
		}
	}

}
