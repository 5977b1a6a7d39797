package io.parx.router.session;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.parx.router.RouterSettings;
import io.parx.router.live.LiveSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client connection: its subscriptions and its outgoing buffer, drained by its own
 * sender so that a slow socket holds up nobody else.
 *
 * <p>
 * The buffer is bounded. Updates queue in arrival order until
 * {@link RouterSettings#outboxCapacity()} samples wait; then the session switches to
 * coalescing, keeping only the newest sample per channel (bounded by the subscription
 * count) until the sender catches up. Control messages (acknowledgements, snapshots,
 * errors) go ahead of updates. While a subscription's snapshot is being read, updates are
 * held back so that a client always sees the snapshot first. Alarm frames
 * ({@code subscribe-alarms}) go between control messages and updates, bounded and
 * coalesced per alarm in the same way, and wait for the alarm snapshot likewise.
 *
 * <p>
 * Thread-safety: {@link #offer} runs on the Redis listener thread, client messages on the
 * container's threads, the sender on a virtual thread; all state is guarded by
 * {@link #lock}, and no socket I/O happens while holding it.
 */
final class RouterSession {

	private static final Logger logger = LoggerFactory.getLogger(RouterSession.class);

	/** Control messages a client may leave unread before it counts as stuck. */
	private static final int MAX_CONTROL_MESSAGES = 1000;

	private final WebSocketSession socket;

	private final String user;

	private final RouterSettings settings;

	private final RouterMetrics metrics;

	private final Executor senders;

	private final ScheduledExecutorService scheduler;

	private final Object lock = new Object();

	private final Map<Long, Subscription> subscriptions = new HashMap<>();

	private final Outbox outbox;

	/** This session's share of the batch being dispatched (see {@link BatchGrouping}). */
	private final List<LiveSample> dispatchSlot = new ArrayList<>(4);

	private int snapshotsInProgress;

	/** Whether the client asked for alarm transitions ({@code subscribe-alarms}). */
	private boolean alarmsSubscribed;

	/** Alarm snapshots being read; alarm frames wait until they are queued. */
	private int alarmSnapshotsInProgress;

	private boolean draining;

	private boolean closed;

	/**
	 * Since when data has waited without a send completing ({@link System#nanoTime()}), 0
	 * when nothing waits.
	 */
	private long waitingSince;

	private Instant tokenExpiresAt;

	private boolean refreshRequested;

	/**
	 * Whether rate-limited samples wait in the outbox: written under {@link #lock}, read
	 * without it by the release timer (a stale value delays a release by one tick).
	 */
	private volatile boolean holding;

	RouterSession(WebSocketSession socket, String user, Instant tokenExpiresAt, RouterSettings settings,
			RouterMetrics metrics, Executor senders, ScheduledExecutorService scheduler) {
		this.socket = socket;
		this.user = user;
		this.tokenExpiresAt = tokenExpiresAt;
		this.settings = settings;
		this.metrics = metrics;
		this.senders = senders;
		this.scheduler = scheduler;
		this.outbox = new Outbox(settings.outboxCapacity(), metrics);
	}

	String id() {
		return this.socket.getId();
	}

	String user() {
		return this.user;
	}

	List<LiveSample> dispatchSlot() {
		return this.dispatchSlot;
	}

	/**
	 * Adds or updates subscriptions and holds updates back until
	 * {@link #snapshotReady(String)}.
	 * @param maxRate updates per second per channel, or 0 for every sample
	 * @return the ids that were not subscribed before
	 */
	List<Long> subscribe(Collection<Long> ids, double maxRate) {
		long interval = (maxRate > 0) ? (long) (1_000_000_000L / maxRate) : 0;
		List<Long> added = new ArrayList<>();
		synchronized (this.lock) {
			this.snapshotsInProgress++;
			for (Long id : ids) {
				Subscription previous = this.subscriptions.put(id, new Subscription(interval));
				if (previous == null) {
					added.add(id);
				}
			}
		}
		return added;
	}

	/** Whether {@code more} further subscriptions stay within the limit. */
	boolean canSubscribe(Collection<Long> ids) {
		synchronized (this.lock) {
			long fresh = ids.stream().filter((id) -> !this.subscriptions.containsKey(id)).count();
			return this.subscriptions.size() + fresh <= this.settings.maxSubscriptions();
		}
	}

	/** Queues the snapshot and releases the updates held back by {@link #subscribe}. */
	void snapshotReady(String snapshot) {
		boolean start;
		synchronized (this.lock) {
			this.snapshotsInProgress--;
			if (snapshot != null) {
				this.outbox.addControl(snapshot);
			}
			start = claimSender();
		}
		if (start) {
			launchSender(false);
		}
	}

	/**
	 * Ends subscriptions and discards their queued updates.
	 * @return the ids that were subscribed
	 */
	List<Long> unsubscribe(Collection<Long> ids) {
		List<Long> removed = new ArrayList<>();
		synchronized (this.lock) {
			for (Long id : ids) {
				if (this.subscriptions.remove(id) != null) {
					removed.add(id);
				}
			}
			if (!removed.isEmpty()) {
				this.outbox.remove(removed);
			}
		}
		return removed;
	}

	/**
	 * Starts taking alarm frames, holding them back until
	 * {@link #alarmSnapshotReady(String)}: a transition that happens while the snapshot
	 * is read follows the snapshot, never falls between.
	 */
	void subscribeAlarms() {
		synchronized (this.lock) {
			this.alarmsSubscribed = true;
			this.alarmSnapshotsInProgress++;
		}
	}

	/** Queues the alarm snapshot and releases the alarm frames held back. */
	void alarmSnapshotReady(String snapshot) {
		boolean start;
		synchronized (this.lock) {
			this.alarmSnapshotsInProgress--;
			if (snapshot != null && !this.closed) {
				this.outbox.addControl(snapshot);
				if (this.waitingSince == 0) {
					this.waitingSince = System.nanoTime();
				}
			}
			start = claimSender();
		}
		if (start) {
			launchSender(false);
		}
	}

	/** Stops taking alarm frames and discards the queued ones. */
	void unsubscribeAlarms() {
		synchronized (this.lock) {
			this.alarmsSubscribed = false;
			this.outbox.clearAlarms();
		}
	}

	boolean alarmsSubscribed() {
		synchronized (this.lock) {
			return this.alarmsSubscribed;
		}
	}

	/**
	 * Queues an alarm frame if the client subscribed to alarms; never blocks on the
	 * socket.
	 */
	void offerAlarm(long definitionId, String frame) {
		boolean start;
		synchronized (this.lock) {
			if (this.closed || !this.alarmsSubscribed) {
				return;
			}
			this.outbox.addAlarm(definitionId, frame);
			if (this.waitingSince == 0) {
				this.waitingSince = System.nanoTime();
			}
			start = claimSender();
		}
		if (start) {
			launchSender(false);
		}
	}

	Set<Long> subscriptions() {
		synchronized (this.lock) {
			return new TreeSet<>(this.subscriptions.keySet());
		}
	}

	int subscriptionCount() {
		synchronized (this.lock) {
			return this.subscriptions.size();
		}
	}

	/** Queues a live sample if subscribed; never blocks on the socket. */
	void offer(LiveSample sample, long now) {
		offer(List.of(sample), now);
	}

	/**
	 * Queues the samples of one incoming batch that this session is subscribed to; never
	 * blocks on the socket. One lock and at most one sender start per batch, so a batch
	 * reaches the client as one frame instead of racing the sender sample by sample.
	 */
	void offer(List<LiveSample> samples, long now) {
		boolean start = false;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			for (LiveSample sample : samples) {
				Subscription subscription = this.subscriptions.get(sample.channelId());
				if (subscription == null) {
					continue;
				}
				if (subscription.interval > 0) {
					if (now - subscription.nextDue < 0) {
						this.outbox.hold(sample);
						this.holding = true;
						continue;
					}
					subscription.nextDue = now + subscription.interval;
				}
				enqueue(sample, now);
				start = true;
			}
			start = start && claimSender();
		}
		if (start) {
			launchSender(true);
		}
	}

	/** Releases rate-limited samples whose interval has passed; called by a timer. */
	void releaseDue(long now) {
		if (!this.holding) {
			// The timer visits every session 100 times a second: no lock unless needed.
			return;
		}
		boolean start;
		synchronized (this.lock) {
			if (this.closed || !this.outbox.hasHeld()) {
				this.holding = false;
				return;
			}
			boolean released = this.outbox.releaseHeld((sample) -> {
				Subscription subscription = this.subscriptions.get(sample.channelId());
				if (subscription == null || now - subscription.nextDue < 0) {
					return false;
				}
				subscription.nextDue = now + subscription.interval;
				return true;
			});
			this.holding = this.outbox.hasHeld();
			if (released && this.waitingSince == 0) {
				this.waitingSince = now;
			}
			start = released && claimSender();
		}
		if (start) {
			launchSender(true);
		}
	}

	private void enqueue(LiveSample sample, long now) {
		if (this.waitingSince == 0) {
			this.waitingSince = now;
		}
		this.outbox.add(sample);
	}

	/** Queues a control message (ack, error, pong, status) ahead of updates. */
	void sendControl(String json) {
		boolean overflow;
		boolean start = false;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			overflow = this.outbox.controlSize() >= MAX_CONTROL_MESSAGES;
			if (!overflow) {
				this.outbox.addControl(json);
				if (this.waitingSince == 0) {
					this.waitingSince = System.nanoTime();
				}
				start = claimSender();
			}
		}
		if (overflow) {
			close(CloseCodes.SLOW_CONSUMER, "slow-consumer");
		}
		else if (start) {
			launchSender(false);
		}
	}

	/**
	 * Whether the caller should start the sender: true at most once until the sender
	 * finds nothing left. Called while holding {@link #lock}, so that queueing and
	 * claiming take one lock, not two.
	 */
	private boolean claimSender() {
		if (this.draining || this.closed) {
			return false;
		}
		this.draining = true;
		return true;
	}

	private void launchSender(boolean updates) {
		long linger = this.settings.flushInterval().toNanos();
		if (updates && linger > 0) {
			this.scheduler.schedule(() -> this.senders.execute(this::drain), linger, TimeUnit.NANOSECONDS);
		}
		else {
			this.senders.execute(this::drain);
		}
	}

	/** The sender: one frame at a time until nothing is left to send. */
	private void drain() {
		while (true) {
			String frame;
			List<LiveSample> samples = null;
			synchronized (this.lock) {
				if (this.closed) {
					this.draining = false;
					return;
				}
				frame = this.outbox.pollControl();
				if (frame == null && this.alarmSnapshotsInProgress == 0) {
					// alarms before samples: fewer, and more urgent
					frame = this.outbox.pollAlarm();
				}
				if (frame == null && this.snapshotsInProgress == 0 && this.outbox.hasUpdates()) {
					samples = this.outbox.takeUpdates(this.settings.maxSamplesPerFrame());
				}
				else if (frame == null) {
					this.draining = false;
					this.waitingSince = 0;
					return;
				}
			}
			long oldest = Long.MAX_VALUE;
			if (samples != null) {
				frame = ServerMessages.update(samples);
				for (LiveSample sample : samples) {
					oldest = Math.min(oldest, sample.receivedNanos());
				}
			}
			if (!send(frame, (samples != null) ? samples.size() : 0, oldest)) {
				return;
			}
		}
	}

	private boolean send(String frame, int samples, long oldestReceived) {
		long start = System.nanoTime();
		try {
			this.socket.sendMessage(new TextMessage(frame));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Send to session {} failed: {}", id(), ex.toString());
			if (isTimeout(ex)) {
				close(CloseCodes.SLOW_CONSUMER, "slow-consumer");
			}
			else {
				close(CloseStatus.SERVER_ERROR, "send-failed");
			}
			return false;
		}
		long end = System.nanoTime();
		this.metrics.frameSent(samples, end - start, oldestReceived, end);
		synchronized (this.lock) {
			this.waitingSince = end;
		}
		return true;
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether data has waited longer than the stuck timeout without a send completing.
	 */
	boolean isStuck(long now) {
		synchronized (this.lock) {
			return this.waitingSince != 0 && now - this.waitingSince > this.settings.stuckTimeout().toNanos();
		}
	}

	/** The token's expiry, and whether the client was already asked for a fresh token. */
	TokenState tokenState() {
		synchronized (this.lock) {
			return new TokenState(this.tokenExpiresAt, this.refreshRequested);
		}
	}

	void refreshRequested() {
		synchronized (this.lock) {
			this.refreshRequested = true;
		}
	}

	void tokenRefreshed(Instant expiresAt) {
		synchronized (this.lock) {
			this.tokenExpiresAt = expiresAt;
			this.refreshRequested = false;
		}
	}

	/**
	 * Closes the connection with this status; safe to call from any thread, more than
	 * once. The close itself runs on a sender thread because closing a socket whose
	 * client does not read can block.
	 */
	CompletableFuture<Void> close(CloseStatus status, String reason) {
		int pending;
		synchronized (this.lock) {
			if (this.closed) {
				return CompletableFuture.completedFuture(null);
			}
			this.closed = true;
			pending = this.outbox.clear();
		}
		this.metrics.dropped.increment(pending);
		this.metrics.sessionClosed(reason);
		return CompletableFuture.runAsync(() -> {
			try {
				this.socket.close(status);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Closing session {} failed: {}", id(), ex.toString());
			}
		}, this.senders);
	}

	/** Marks the session closed after the client went away. */
	void closedByClient() {
		synchronized (this.lock) {
			this.closed = true;
			this.outbox.clear();
		}
	}

	record TokenState(Instant expiresAt, boolean refreshRequested) {

	}

	private static final class Subscription {

		final long interval;

		long nextDue;

		Subscription(long interval) {
			this.interval = interval;
			this.nextDue = System.nanoTime();
		}

	}

}
