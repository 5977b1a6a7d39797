package io.parx.storage.rules;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.parx.common.config.ConfigChanged;
import io.parx.storage.config.CoalescedReload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;

/**
 * The current {@link RuleSet}, reloaded as a whole from the config database when a
 * storage rule, batch definition or channel changes (a {@code config} event). Readers get
 * a consistent snapshot; the ingest thread picks up the new one at its next batch.
 *
 * <p>
 * Pub/sub delivers at most once: an event published while this instance was not
 * subscribed (starting up, Redis unreachable) is gone. So the rules are also reloaded
 * each time the subscription (re)starts and, as a last resort, periodically
 * ({@link #resync()}); a reload that finds the same configuration keeps the current rules
 * and their formula state.
 */
public class RuleCatalog implements Supplier<RuleSet>, MessageListener, SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(RuleCatalog.class);

	private final RuleSetReader reader;

	private volatile RuleSet current = RuleSet.empty();

	private final CoalescedReload reloads = new CoalescedReload("rule-reload", () -> reloadQuietly("config events"));

	public RuleCatalog(RuleSetReader reader) {
		this.reader = reader;
	}

	@Override
	public RuleSet get() {
		return this.current;
	}

	/**
	 * Loads the rules from the config database.
	 * @return whether the configuration differed from the current rules
	 */
	public synchronized boolean reload() {
		RuleSet loaded = this.reader.load();
		if (loaded.sameConfigurationAs(this.current)) {
			return false;
		}
		this.current = loaded;
		logger.info("Loaded {} storage rules and {} batch definitions", loaded.rules().size(),
				loaded.batchDefinitions().size());
		return true;
	}

	/** Reloads if the configuration changed without this instance hearing of it. */
	public void resync() {
		if (reloadQuietly("a periodic resync")) {
			logger.warn("Storage rules had changed without a config event reaching this instance");
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		onConfigEvent(new String(message.getBody(), StandardCharsets.UTF_8));
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		// Events published before this moment were missed.
		reloadQuietly("subscribed to config events");
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
			case STORAGE_RULE, BATCH_DEFINITION, CHANNEL -> this.reloads.request();
			default -> {
			}
		}
	}

	private boolean reloadQuietly(String reason) {
		try {
			return reload();
		}
		catch (RuntimeException ex) {
			logger.error("Reloading rules after {} failed; keeping the previous rules: {}", reason, ex.toString());
			return false;
		}
	}

}
