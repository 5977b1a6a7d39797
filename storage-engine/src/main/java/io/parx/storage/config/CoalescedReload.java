package io.parx.storage.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a catalog's reload on a thread of its own, at most one running and one waiting
 * however many config events ask for it: a reload reads everything, so one that starts
 * after an event covers every event before it. Without it an import of 10,000 channels
 * (one event each) made as many reloads on as many threads, starving the ingest thread
 * and the lease renewals for minutes.
 */
public final class CoalescedReload {

	private final Runnable reload;

	private final AtomicBoolean waiting = new AtomicBoolean();

	private final ExecutorService executor;

	/**
	 * @param name the thread's name
	 * @param reload what to run; handles its own failures
	 */
	public CoalescedReload(String name, Runnable reload) {
		this.reload = reload;
		this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
	}

	/** Asks for a reload that starts after this call. */
	public void request() {
		if (this.waiting.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				this.waiting.set(false);
				this.reload.run();
			});
		}
	}

}
