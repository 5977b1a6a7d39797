package io.parx.storage.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.parx.storage.webhooks.DeliveryQueue.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Sends the due deliveries of the outbox: claims up to {@code concurrency} of them, POSTs
 * them in parallel, records each outcome, and repeats; when nothing is due it waits for
 * the poll interval or a {@link #wake()}. Several instances share the outbox (claims skip
 * each other's rows). At least once: a delivery whose outcome was not recorded (a crash)
 * is sent again when its lease ends.
 */
class WebhookDeliverer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDeliverer.class);

	private static final long PRUNE_EVERY_MS = 60_000;

	private final DeliveryQueue queue;

	private final WebhookCatalog webhooks;

	private final WebhookSender sender;

	private final WebhookSettings settings;

	private final WebhookMetrics metrics;

	private final Clock clock;

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile Thread thread;

	private volatile boolean running;

	private Instant lastPrune = Instant.EPOCH;

	WebhookDeliverer(DeliveryQueue queue, WebhookCatalog webhooks, WebhookSender sender, WebhookSettings settings,
			WebhookMetrics metrics, Clock clock) {
		this.queue = queue;
		this.webhooks = webhooks;
		this.sender = sender;
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Looks at the outbox now rather than at the next poll. */
	void wake() {
		this.wakeUp.release();
	}

	@Override
	public synchronized void start() {
		if (this.running || !this.settings.enabled()) {
			return;
		}
		this.running = true;
		this.thread = Thread.ofVirtual().name("webhook-deliverer").start(this::run);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			current.interrupt();
			try {
				current.join(this.settings.requestTimeout().toMillis() + 5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
			while (this.running) {
				int sent = 0;
				try {
					pruneNowAndThen();
					sent = deliverDue(requests);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// The database is down or a statement failed: the rows stay pending.
					logger.warn("Delivering alarm webhooks failed, trying again: {}", ex.toString());
				}
				if (sent < this.settings.concurrency()) {
					try {
						this.wakeUp.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
						this.wakeUp.drainPermits();
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		}
	}

	/**
	 * One round: claims, sends in parallel, records.
	 * @return how many deliveries were claimed
	 */
	int deliverDue(ExecutorService requests) throws InterruptedException {
		if (!this.webhooks.loaded()) {
			// Before the webhooks are known every delivery would look orphaned.
			return 0;
		}
		List<Claimed> claimed = this.queue.claim(this.settings.concurrency(), this.settings.lease());
		WebhookSet set = this.webhooks.get();
		List<Future<?>> inFlight = new ArrayList<>();
		for (Claimed delivery : claimed) {
			Webhook webhook = set.get(delivery.webhookId());
			if (webhook == null || !webhook.config().enabled()) {
				this.queue.discarded(delivery.id(), (webhook == null) ? "webhook deleted" : "webhook disabled");
				this.metrics.discarded();
				continue;
			}
			inFlight.add(requests.submit(() -> {
				attempt(webhook, delivery);
				return null;
			}));
		}
		for (Future<?> request : inFlight) {
			try {
				request.get();
			}
			catch (ExecutionException ex) {
				logger.warn("Recording a webhook delivery failed: {}", ex.getCause().toString());
			}
		}
		return claimed.size();
	}

	private void attempt(Webhook webhook, Claimed delivery) throws InterruptedException {
		WebhookSender.Result result = this.sender.send(webhook, delivery.id(), delivery.event(), delivery.payload());
		if (result.delivered()) {
			this.queue.delivered(delivery.id(), result.statusCode());
			this.metrics.delivered();
			return;
		}
		boolean givenUp = this.queue.attemptFailed(delivery.id(), result.statusCode(), result.error(),
				this.settings.backoff(delivery.attempts()), this.settings.maxAge());
		if (givenUp) {
			this.metrics.failed();
			logger.warn("Gave up alarm webhook delivery {} to webhook {} ('{}') after {} attempts: {}", delivery.id(),
					webhook.id(), webhook.config().name(), delivery.attempts(), result.error());
		}
		else {
			this.metrics.retried();
		}
	}

	private void pruneNowAndThen() {
		Instant now = this.clock.instant();
		if (now.toEpochMilli() - this.lastPrune.toEpochMilli() < PRUNE_EVERY_MS) {
			return;
		}
		this.lastPrune = now;
		int pruned = this.queue.prune(this.settings.history(), this.settings.maxHistory());
		if (pruned > 0) {
			logger.debug("Pruned {} finished webhook deliveries", pruned);
		}
	}

}
