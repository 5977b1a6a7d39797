package io.parx.storage.alarms;

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
 * The current {@link AlarmSet}, reloaded as a whole from the config database when an
 * alarm definition or a channel (its name and unit are in the messages) changes, when the
 * config-event subscription (re)starts, and periodically ({@link #resync()}), since
 * pub/sub delivers at most once. The ingest thread picks up the new set at its next
 * batch; the alarms' state is kept apart, so a reload loses nothing.
 */
public class AlarmCatalog implements Supplier<AlarmSet>, MessageListener, SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(AlarmCatalog.class);

	private final AlarmRepository repository;

	private volatile AlarmSet current = AlarmSet.empty();

	private final CoalescedReload reloads = new CoalescedReload("alarm-reload", () -> reloadQuietly("config events"));

	public AlarmCatalog(AlarmRepository repository) {
		this.repository = repository;
	}

	@Override
	public AlarmSet get() {
		return this.current;
	}

	public synchronized void reload() {
		AlarmSet loaded = this.repository.load();
		if (loaded.size() != this.current.size()) {
			logger.info("Loaded {} alarm definitions", loaded.size());
		}
		this.current = loaded;
	}

	public void resync() {
		reloadQuietly("a periodic resync");
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		onConfigEvent(new String(message.getBody(), StandardCharsets.UTF_8));
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		reloadQuietly("subscribed to config events");
	}

	/** Handles a message of the config channel. */
	public void onConfigEvent(String message) {
		ConfigChanged event;
		try {
			event = ConfigChanged.fromJson(message);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		switch (event.entity()) {
			case ALARM_DEFINITION, CHANNEL -> this.reloads.request();
			default -> {
			}
		}
	}

	private void reloadQuietly(String reason) {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			logger.error("Reloading alarms after {} failed; keeping the previous ones: {}", reason, ex.toString());
		}
	}

}
