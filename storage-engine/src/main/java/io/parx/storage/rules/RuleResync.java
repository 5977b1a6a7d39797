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

	private final RuleCatalog catalog;

	private final RulesSettings settings;

	private volatile ScheduledExecutorService executor;

	public RuleResync(RuleCatalog catalog, RulesSettings settings) {
		this.catalog = catalog;
		this.settings = settings;
	}

	@Override
	public void start() {
		long every = this.settings.resyncInterval().toMillis();
		this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rule-resync").factory());
		this.executor.scheduleWithFixedDelay(this.catalog::resync, every, every, TimeUnit.MILLISECONDS);
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
