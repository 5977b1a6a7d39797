package io.parx.storage.webhooks;

import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;

import io.parx.common.config.ConfigChanged;
import io.parx.storage.config.CoalescedReload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;

/**
 * The current {@link WebhookSet}, reloaded as a whole from the config database when a
 * webhook changes, when the config-event subscription (re)starts, and periodically
 * ({@link #resync()}), since pub/sub delivers at most once.
 */
public class WebhookCatalog implements MessageListener, SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(WebhookCatalog.class);

	private final WebhookRepository repository;

	private volatile WebhookSet current = WebhookSet.empty();

	private final CoalescedReload reloads = new CoalescedReload("webhook-reload", () -> reloadQuietly("config events"));

	/** Until the first load the empty set means "not known yet", not "none". */
	private volatile boolean loaded;

	WebhookCatalog(WebhookRepository repository) {
		this.repository = repository;
	}

	/** A catalog of the webhooks in this config database. */
	public static WebhookCatalog reading(DataSource configDataSource) {
		return new WebhookCatalog(new WebhookRepository(configDataSource));
	}

	WebhookSet get() {
		return this.current;
	}

	/** Whether the webhooks were read at least once. */
	boolean loaded() {
		return this.loaded;
	}

	public synchronized void reload() {
		WebhookSet loadedSet = this.repository.load();
		if (loadedSet.size() != this.current.size()) {
			logger.info("Loaded {} alarm webhooks", loadedSet.size());
		}
		this.current = loadedSet;
		this.loaded = true;
	}

	public void resync() {
		reloadQuietly("a periodic resync");
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		ConfigChanged event;
		try {
			event = ConfigChanged.fromJson(new String(message.getBody(), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		if (event.entity() == ConfigChanged.Entity.ALARM_WEBHOOK) {
			this.reloads.request();
		}
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		reloadQuietly("subscribed to config events");
	}

	private void reloadQuietly(String reason) {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			logger.error("Reloading alarm webhooks after {} failed; keeping the previous ones: {}", reason,
					ex.toString());
		}
	}

}
