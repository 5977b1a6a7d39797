package io.parx.router.session;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.common.sample.Sample;
import io.parx.router.RouterSettings;
import io.parx.router.live.LiveSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * The per-session outgoing buffer: bounded, coalescing per channel when full, rate
 * limiting per subscription, and stuck detection. A socket whose send blocks on a latch
 * stands in for a client that does not read.
 */
class RouterSessionTests {

	private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RouterMetrics metrics = new RouterMetrics(this.meters);

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final CountDownLatch socketBlocked = new CountDownLatch(1);

	private volatile boolean blockSends = true;

	@AfterEach
	void stop() throws InterruptedException {
		// Release the blocked senders and let them finish rather than interrupt them: an
		// exception on a sender thread of this test would fail the next test's await
		// (Awaitility reports uncaught exceptions of any thread).
		this.socketBlocked.countDown();
		this.senders.shutdown();
		assertThat(this.senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		this.scheduler.shutdownNow();
	}

	@Test
	void whenTheBufferIsFullOnlyTheNewestSampleOfEachChannelIsKept() throws Exception {
		RouterSession session = session(4);
		session.subscribe(List.of(1L, 2L), 0);
		session.snapshotReady(null);
		long now = System.nanoTime();
		// The first sample goes out and its send blocks; the rest pile up.
		session.offer(live(1, 0), now);
		await().until(() -> this.sent.size() == 1);
		for (int i = 1; i <= 10; i++) {
			session.offer(live(1, i), now);
			session.offer(live(2, i), now);
		}
		assertThat(this.meters.get("parx.router.samples.coalesced").counter().count()).isEqualTo(18);
		this.blockSends = false;
		this.socketBlocked.countDown();
		await().until(() -> this.sent.size() == 2);
		assertThat(this.sent.get(1)).contains("\"channelId\":1,\"time\":\"2026-11-27T12:00:10Z\",\"value\":10")
			.contains("\"channelId\":2,\"time\":\"2026-11-27T12:00:10Z\",\"value\":10")
			.doesNotContain("\"value\":9");
	}

	@Test
	void belowItsCapacityTheBufferKeepsEverySampleInOrder() {
		this.blockSends = false;
		RouterSession session = session(100);
		session.subscribe(List.of(1L), 0);
		session.snapshotReady(null);
		for (int i = 1; i <= 50; i++) {
			session.offer(live(1, i), System.nanoTime());
		}
		await().until(() -> this.sent.stream().mapToLong((frame) -> frame.split("channelId").length - 1).sum() == 50);
		assertThat(this.meters.get("parx.router.samples.coalesced").counter().count()).isZero();
		assertThat(String.join("", this.sent)).containsSubsequence("\"value\":1,", "\"value\":2,", "\"value\":50,");
	}

	@Test
	void theSamplesOfOneBatchLeaveInOneFrame() {
		// One frame per session and batch, not one per sample: at 10,000 samples/s the
		// frame count is what the router and its clients pay for.
		this.blockSends = false;
		RouterSession session = session(100);
		session.subscribe(List.of(1L, 2L), 0);
		session.snapshotReady(null);
		session.offer(List.of(live(1, 1), live(3, 1), live(2, 1), live(1, 2)), System.nanoTime());
		await().until(() -> this.meters.get("parx.router.frames.sent").counter().count() == 1);
		assertThat(this.sent).hasSize(1);
		assertThat(this.sent.get(0)).containsSubsequence("\"channelId\":1,", "\"channelId\":2,", "\"channelId\":1,")
			.doesNotContain("\"channelId\":3,");
	}

	@Test
	void aSessionWhoseSendBlocksPastTheStuckTimeoutIsReportedStuck() {
		RouterSession session = session(4);
		session.subscribe(List.of(1L), 0);
		session.snapshotReady(null);
		session.offer(live(1, 0), System.nanoTime());
		await().until(() -> this.sent.size() == 1);
		assertThat(session.isStuck(System.nanoTime())).isFalse();
		await().until(() -> session.isStuck(System.nanoTime()));
	}

	@Test
	void anIdleSessionIsNeverStuck() {
		this.blockSends = false;
		RouterSession session = session(4);
		session.subscribe(List.of(1L), 0);
		session.snapshotReady(null);
		assertThat(session.isStuck(System.nanoTime() + Duration.ofHours(1).toNanos())).isFalse();
	}

	@Test
	void maxRateHoldsBackAllButTheLatestSamplePerInterval() {
		this.blockSends = false;
		RouterSession session = session(100);
		session.subscribe(List.of(1L), 10);
		session.snapshotReady(null);
		long now = System.nanoTime() + 1;
		for (int i = 1; i <= 5; i++) {
			session.offer(live(1, i), now + i);
		}
		await().until(() -> this.sent.size() == 1);
		assertThat(this.sent.get(0)).contains("\"value\":1,");
		session.releaseDue(now + 50_000_000);
		session.releaseDue(now + 100_000_010);
		await().until(() -> this.sent.size() == 2);
		assertThat(this.sent.get(1)).contains("\"value\":5,").doesNotContain("\"value\":4,");
		assertThat(this.meters.get("parx.router.samples.throttled").counter().count()).isEqualTo(3);
	}

	@Test
	void updatesWaitForTheSnapshotOfAPendingSubscription() {
		this.blockSends = false;
		RouterSession session = session(100);
		session.subscribe(List.of(1L), 0);
		session.offer(live(1, 1), System.nanoTime());
		session.sendControl("{\"type\":\"subscribed\"}");
		await().until(() -> this.sent.size() == 1);
		session.snapshotReady("{\"type\":\"snapshot\"}");
		await().until(() -> this.sent.size() == 3);
		assertThat(this.sent).extracting((frame) -> frame.substring(0, 15))
			.containsExactly("{\"type\":\"subscr", "{\"type\":\"snapsh", "{\"type\":\"update");
	}

	@Test
	void whenAlarmFramesPileUpOnlyTheNewestOfEachAlarmIsKept() throws Exception {
		// An alarm flood (a power failure raises hundreds at once) must neither grow the
		// buffer without bound nor leave a slow client with an alarm's stale state.
		RouterSession session = session(4);
		session.subscribeAlarms();
		session.alarmSnapshotReady(null);
		session.offerAlarm(1, alarm(1, 0));
		await().until(() -> this.sent.size() == 1);
		for (int i = 1; i <= 10; i++) {
			session.offerAlarm(1, alarm(1, i));
			session.offerAlarm(2, alarm(2, i));
		}
		assertThat(this.meters.get("parx.router.alarms.coalesced").counter().count()).isEqualTo(18);
		this.blockSends = false;
		this.socketBlocked.countDown();
		await().until(() -> this.sent.size() == 3);
		assertThat(this.sent.subList(1, 3)).containsExactlyInAnyOrder(alarm(1, 10), alarm(2, 10));
	}

	@Test
	void alarmFramesWaitForTheAlarmSnapshotAndGoAheadOfUpdates() {
		this.blockSends = false;
		RouterSession session = session(100);
		session.subscribe(List.of(1L), 0);
		session.snapshotReady(null);
		session.subscribeAlarms();
		session.offerAlarm(7, alarm(7, 1));
		session.offer(live(1, 1), System.nanoTime());
		await().until(() -> this.sent.size() == 1);
		assertThat(this.sent.get(0)).startsWith("{\"type\":\"update");
		session.alarmSnapshotReady("{\"type\":\"alarms\",\"active\":[]}");
		await().until(() -> this.sent.size() == 3);
		assertThat(this.sent.subList(1, 3)).containsExactly("{\"type\":\"alarms\",\"active\":[]}", alarm(7, 1));
	}

	@Test
	void afterUnsubscribingNoAlarmFrameIsQueued() {
		this.blockSends = false;
		RouterSession session = session(100);
		session.subscribeAlarms();
		session.offerAlarm(7, alarm(7, 1));
		session.unsubscribeAlarms();
		session.alarmSnapshotReady(null);
		session.offerAlarm(7, alarm(7, 2));
		session.sendControl("{\"type\":\"alarms-unsubscribed\"}");
		await().until(() -> this.sent.size() == 1);
		assertThat(this.sent).containsExactly("{\"type\":\"alarms-unsubscribed\"}");
	}

	private RouterSession session(int capacity) {
		WebSocketSession socket = mock(WebSocketSession.class);
		try {
			doAnswer((invocation) -> {
				this.sent.add(((TextMessage) invocation.getArgument(0)).getPayload());
				if (this.blockSends) {
					try {
						this.socketBlocked.await();
					}
					catch (InterruptedException ex) {
						// what a real socket reports when its sending thread is
						// interrupted
						throw new InterruptedIOException("send interrupted");
					}
				}
				return null;
			}).when(socket).sendMessage(any());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		RouterSettings settings = new RouterSettings(capacity, 1000, Duration.ZERO, Duration.ofMillis(300), 100, 1000,
				Duration.ofSeconds(60), Duration.ofSeconds(30), DataSize.ofKilobytes(64), List.of("*"),
				Duration.ofMinutes(5));
		return new RouterSession(socket, "olivia", T0.plusSeconds(900), settings, this.metrics, this.senders,
				this.scheduler);
	}

	private static String alarm(long definitionId, int value) {
		return "{\"type\":\"alarm\",\"event\":{\"definitionId\":" + definitionId + ",\"value\":" + value + "}}";
	}

	private static LiveSample live(long channelId, int value) {
		return new LiveSample(Sample.of(channelId, T0.plusSeconds(value), value), System.nanoTime());
	}

}
