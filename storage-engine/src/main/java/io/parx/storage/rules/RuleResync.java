package io.parx.storage.rules;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Compares the rules with the config database every
 * {@link RulesSettings#resyncInterval()}, the safety net under the config events.
 */
public class RuleResync implements SmartLifecycle {

	private final Runnable[] resyncs;

	private final RulesSettings settings;

	private volatile ScheduledExecutorService executor;

	/**
	 * @param resyncs what compares itself with the database: the rule catalog's
	 * {@code resync}, and the other catalogs that listen to config events (alarms)
	 */
	public RuleResync(RulesSettings settings, Runnable... resyncs) {
		this.resyncs = resyncs.clone();
		this.settings = settings;
	}

	@Override
	public void start() {
		long every = this.settings.resyncInterval().toMillis();
		this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rule-resync").factory());
		for (Runnable resync : this.resyncs) {
			this.executor.scheduleWithFixedDelay(resync, every, every, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			current.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
