package io.parx.router.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.common.alarm.AlarmChanged;
import io.parx.common.sample.Sample;
import io.parx.router.RouterSettings;
import io.parx.router.channels.ChannelStatus;
import io.parx.router.channels.ChannelStatusChanged;
import io.parx.router.live.AlarmListener;
import io.parx.router.live.LiveBatchListener;
import io.parx.router.live.LiveSample;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * All open sessions and, per channel, the sessions subscribed to it (and those subscribed
 * to alarms): the fan-out point between the Redis listener and the clients. Also runs the
 * timers that release rate-limited samples, ask for fresh tokens and close stuck clients.
 */
@Component
public class SessionRegistry implements LiveBatchListener, AlarmListener, SmartLifecycle {

	private static final long RELEASE_PERIOD_MS = 10;

	private static final long WATCHDOG_PERIOD_MS = 250;

	private final Set<RouterSession> sessions = ConcurrentHashMap.newKeySet();

	private final Map<Long, Set<RouterSession>> subscribers = new ConcurrentHashMap<>();

	/** The sessions that subscribed to alarm transitions. */
	private final Set<RouterSession> alarmSubscribers = ConcurrentHashMap.newKeySet();

	private final RouterSettings settings;

	private final ScheduledExecutorService scheduler;

	private final RouterMetrics metrics;

	/** Per-session grouping of the batch being dispatched; also the dispatch lock. */
	private final BatchGrouping dispatching = new BatchGrouping();

	private volatile List<ScheduledFuture<?>> timers = List.of();

	SessionRegistry(RouterSettings settings, @Qualifier("routerScheduler") ScheduledExecutorService scheduler,
			MeterRegistry meterRegistry) {
		this.settings = settings;
		this.scheduler = scheduler;
		this.metrics = new RouterMetrics(meterRegistry);
		Gauge.builder("parx.router.sessions", this.sessions, Set::size)
			.description("Open WebSocket sessions")
			.register(meterRegistry);
		Gauge.builder("parx.router.subscriptions", this, SessionRegistry::subscriptionCount)
			.description("Channel subscriptions over all sessions")
			.register(meterRegistry);
	}

	RouterMetrics metrics() {
		return this.metrics;
	}

	void add(RouterSession session) {
		this.sessions.add(session);
	}

	void remove(RouterSession session) {
		this.sessions.remove(session);
		this.alarmSubscribers.remove(session);
		unindex(session, session.subscriptions());
	}

	void index(RouterSession session, Collection<Long> channelIds) {
		for (Long id : channelIds) {
			this.subscribers.computeIfAbsent(id, (key) -> new CopyOnWriteArraySet<>()).add(session);
		}
	}

	void unindex(RouterSession session, Collection<Long> channelIds) {
		for (Long id : channelIds) {
			this.subscribers.computeIfPresent(id, (key, set) -> {
				set.remove(session);
				return set.isEmpty() ? null : set;
			});
		}
	}

	/**
	 * Hands a batch from {@code <prefix>live} to the subscribed sessions. Runs on the
	 * Redis listener thread and never blocks: sessions only queue. Samples are grouped
	 * per session first, so each session takes its lock and wakes its sender once per
	 * batch rather than once per sample.
	 */
	@Override
	public void dispatch(List<Sample> batch) {
		long now = System.nanoTime();
		synchronized (this.dispatching) {
			for (Sample sample : batch) {
				Set<RouterSession> targets = this.subscribers.get(sample.channelId());
				if (targets == null) {
					continue;
				}
				LiveSample live = new LiveSample(sample, now);
				for (RouterSession session : targets) {
					this.dispatching.add(session, live);
				}
			}
			this.dispatching.offerAll(now);
		}
	}

	void indexAlarms(RouterSession session) {
		this.alarmSubscribers.add(session);
	}

	void unindexAlarms(RouterSession session) {
		this.alarmSubscribers.remove(session);
	}

	/**
	 * Hands an alarm transition to the sessions that subscribed to alarms; the frame is
	 * written once for all. Runs on the Redis listener thread and never blocks.
	 */
	@Override
	public void alarmChanged(AlarmChanged change) {
		if (this.alarmSubscribers.isEmpty()) {
			return;
		}
		String frame = ServerMessages.alarm(change);
		long definitionId = change.event().definitionId();
		for (RouterSession session : this.alarmSubscribers) {
			session.offerAlarm(definitionId, frame);
		}
	}

	@EventListener
	void onChannelStatus(ChannelStatusChanged event) {
		Set<RouterSession> targets = this.subscribers.get(event.channelId());
		if (targets == null) {
			return;
		}
		String message = ServerMessages.status(event.channelId(), event.status());
		for (RouterSession session : targets) {
			if (event.status() == ChannelStatus.DELETED) {
				session.unsubscribe(List.of(event.channelId()));
				unindex(session, List.of(event.channelId()));
			}
			session.sendControl(message);
		}
	}

	int subscriptionCount() {
		int count = 0;
		for (RouterSession session : this.sessions) {
			count += session.subscriptionCount();
		}
		return count;
	}

	int sessionCount() {
		return this.sessions.size();
	}

	private void releaseDue() {
		long now = System.nanoTime();
		for (RouterSession session : this.sessions) {
			session.releaseDue(now);
		}
	}

	private void watch() {
		long now = System.nanoTime();
		Instant wallNow = Instant.now();
		for (RouterSession session : this.sessions) {
			if (session.isStuck(now)) {
				session.close(CloseCodes.SLOW_CONSUMER, "slow-consumer");
				continue;
			}
			RouterSession.TokenState token = session.tokenState();
			if (wallNow.isAfter(token.expiresAt().plus(this.settings.tokenGrace()))) {
				session.close(CloseCodes.TOKEN_EXPIRED, "token-expired");
			}
			else if (!token.refreshRequested()
					&& wallNow.isAfter(token.expiresAt().minus(this.settings.tokenRefreshAhead()))) {
				session.refreshRequested();
				session.sendControl(ServerMessages.authRequired(token.expiresAt(), this.settings.tokenGrace()));
			}
		}
	}

	@Override
	public void start() {
		this.timers = List.of(
				this.scheduler.scheduleWithFixedDelay(this::releaseDue, RELEASE_PERIOD_MS, RELEASE_PERIOD_MS,
						TimeUnit.MILLISECONDS),
				this.scheduler.scheduleWithFixedDelay(this::watch, WATCHDOG_PERIOD_MS, WATCHDOG_PERIOD_MS,
						TimeUnit.MILLISECONDS));
	}

	/** Tells every client that this router goes away, before the web server stops. */
	@Override
	public void stop() {
		this.timers.forEach((timer) -> timer.cancel(false));
		this.timers = List.of();
		List<CompletableFuture<Void>> closing = new ArrayList<>();
		for (RouterSession session : this.sessions) {
			closing.add(session.close(CloseCodes.GOING_AWAY, "shutdown"));
		}
		try {
			CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// Clients that do not take the close frame in time lose the connection
			// anyway.
		}
	}

	@Override
	public boolean isRunning() {
		return !this.timers.isEmpty();
	}

}
