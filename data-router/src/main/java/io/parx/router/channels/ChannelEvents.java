package io.parx.router.channels;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.parx.common.config.ConfigChanged;
import io.parx.router.RouterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link ChannelDirectory} current: reloads a channel when the admin-api
 * announces a change on {@code <prefix>config}, and everything every
 * {@code parx.router.directory-refresh} because pub/sub drops events while Redis is
 * unreachable.
 */
@Component
public class ChannelEvents {

	private static final Logger logger = LoggerFactory.getLogger(ChannelEvents.class);

	private final ChannelDirectory directory;

	private final ExecutorService workers;

	private final ScheduledExecutorService scheduler;

	private final RouterSettings settings;

	ChannelEvents(ChannelDirectory directory, @Qualifier("routerSenders") ExecutorService workers,
			@Qualifier("routerScheduler") ScheduledExecutorService scheduler, RouterSettings settings) {
		this.directory = directory;
		this.workers = workers;
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleFullReloads() {
		long period = this.settings.directoryRefresh().toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> this.workers.execute(this::reloadAll), 0, period,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Handles one message of the config channel; called on the Redis listener thread, so
	 * the database work moves to a worker.
	 */
	public void onConfigMessage(String json) {
		ConfigChanged event;
		try {
			event = ConfigChanged.fromJson(json);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Ignoring config event that does not parse: {}", ex.getMessage());
			return;
		}
		if (event.entity() == ConfigChanged.Entity.CHANNEL) {
			this.workers.execute(() -> reload(event.id()));
		}
	}

	private void reload(long id) {
		try {
			this.directory.reload(id);
		}
		catch (DataAccessException ex) {
			logger.warn("Cannot reload channel {} after a config event: {}", id, ex.getMessage());
		}
	}

	private void reloadAll() {
		try {
			this.directory.reloadAll();
		}
		catch (DataAccessException ex) {
			logger.warn("Cannot reload the channel directory: {}", ex.getMessage());
		}
	}

}
