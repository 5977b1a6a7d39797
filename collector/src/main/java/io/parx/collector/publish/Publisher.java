package io.parx.collector.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.buffer.BufferRecord;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.collector.engine.SampleSink;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish pipeline: takes batches from the engines and sends each to Redis, or to the
 * disk buffer while Redis is unreachable or its sample stream is above the high-water
 * mark.
 *
 * <p>
 * Ordering: while the disk buffer holds anything, new batches are appended to it too, so
 * the durable stream receives every batch exactly once and in the order it was read. The
 * live paths (PUBLISH and latest values) get new batches at once even then, so dashboards
 * stay current during a replay; replayed batches only go to the stream. Replay proceeds a
 * few records at a time between new batches (interleaved), oldest first, and removes a
 * record from disk only after Redis accepted it.
 */
public class Publisher implements SampleSink, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Publisher.class);

	private static final int REPLAY_CHUNK = 32;

	/**
	 * Most queued batches sent in one round trip. Batches that arrive while a round trip
	 * is under way would otherwise wait for one round trip each; one Lua script for all
	 * of them keeps the wait at one. With one sample per MQTT message, 10,000 messages
	 * per second are 10,000 batches: on a loaded 2-core machine groups of 64 still fell
	 * behind (p99 1.2 s), groups of 256 kept up better (p99 0.36 s).
	 */
	static final int MAX_BATCHES_PER_ROUND_TRIP = 256;

	/**
	 * Most samples in one round trip, so that one script never holds Redis up for long.
	 */
	static final int MAX_SAMPLES_PER_ROUND_TRIP = 10_000;

	private final BlockingQueue<Pending> queue;

	private final DiskBuffer buffer;

	private final RedisBatchWriter writer;

	private final PublishSettings settings;

	private final SequenceClock sequences;

	private final Thread thread;

	private final AtomicLong publishedBatches = new AtomicLong();

	private final AtomicLong publishedSamples = new AtomicLong();

	private final AtomicLong replayedBatches = new AtomicLong();

	private final Timer latency;

	private volatile boolean running = true;

	private volatile boolean redisUp = true;

	private volatile boolean backlogHigh;

	private volatile long backlog;

	private long lastProbeNanos;

	public Publisher(RedisBatchWriter writer, DiskBuffer buffer, PublishSettings settings, Clock clock) {
		this(writer, buffer, settings, clock, new SimpleMeterRegistry());
	}

	/**
	 * @param registry where the publish latency (batch handed over to Redis reply) is
	 * recorded
	 */
	public Publisher(RedisBatchWriter writer, DiskBuffer buffer, PublishSettings settings, Clock clock,
			MeterRegistry registry) {
		this.writer = writer;
		this.buffer = buffer;
		this.settings = settings;
		this.sequences = new SequenceClock(clock);
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.thread = Thread.ofPlatform().name("parx-publisher").daemon().unstarted(this::run);
		this.latency = Timer.builder("parx.collector.publish.latency")
			.description("Time from a batch handed to the publisher to Redis taking it (queue wait and round trip)")
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(registry);
	}

	public void start() {
		// New sequences must lie above what Redis accepted before a restart, even if the
		// clock went back meanwhile; otherwise the resend check would discard them.
		try {
			this.sequences.continueAfter(this.writer.lastSequence());
		}
		catch (RuntimeException ex) {
			redisDown(ex);
		}
		this.thread.start();
	}

	@Override
	public void publish(List<Sample> batch) {
		publish(batch, null);
	}

	/**
	 * Queues the batch; {@code onDurable} runs on the publisher's thread once Redis took
	 * the batch into its sample stream or the batch was appended to the disk buffer.
	 * Batches that queued up together reach that point in one round trip (or one run of
	 * appends), so their callbacks come together: a group commit without a round trip per
	 * batch.
	 */
	@Override
	public void publish(List<Sample> batch, Runnable onDurable) {
		if (batch.isEmpty()) {
			if (onDurable != null) {
				onDurable.run();
			}
			return;
		}
		Pending pending = new Pending(this.sequences.next(), batch, System.nanoTime(), onDurable);
		try {
			this.queue.put(pending);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Shutting down: keep the batch rather than lose it.
			this.buffer.append(pending.sequence, SampleBatchCodec.encode(batch));
			pending.durable();
		}
	}

	/** Whether batches currently go to the disk buffer. */
	public boolean spooling() {
		return !this.buffer.isEmpty() || !this.redisUp || this.backlogHigh;
	}

	public boolean redisReachable() {
		return this.redisUp;
	}

	public long backlog() {
		return this.backlog;
	}

	public long queued() {
		return this.queue.size();
	}

	public long publishedBatches() {
		return this.publishedBatches.get();
	}

	public long publishedSamples() {
		return this.publishedSamples.get();
	}

	public long replayedBatches() {
		return this.replayedBatches.get();
	}

	public DiskBuffer buffer() {
		return this.buffer;
	}

	private void run() {
		while (this.running || !this.queue.isEmpty()) {
			try {
				boolean replaying = !this.buffer.isEmpty() && this.redisUp && !this.backlogHigh;
				Pending next = this.queue.poll(replaying ? 0 : 100, TimeUnit.MILLISECONDS);
				if (next != null) {
					handle(RoundTripGroup.take(next, this.queue, (pending) -> pending.samples.size(),
							MAX_BATCHES_PER_ROUND_TRIP, MAX_SAMPLES_PER_ROUND_TRIP));
				}
				if (!this.redisUp || this.backlogHigh) {
					probeIfDue();
				}
				if (!this.buffer.isEmpty() && this.redisUp && !this.backlogHigh) {
					replay();
				}
				this.buffer.flushIfDue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException ex) {
				logger.error("Publisher loop failed; continuing", ex);
			}
		}
	}

	/**
	 * Sends batches that queued up together in one round trip; what the stream does not
	 * take (Redis away, backlog above the high-water mark, buffer not empty) goes to the
	 * disk buffer in order.
	 */
	private void handle(List<Pending> group) {
		List<RedisBatchWriter.Batch> batches = new ArrayList<>(group.size());
		for (Pending pending : group) {
			batches.add(new RedisBatchWriter.Batch(pending.sequence, SampleBatchCodec.encode(pending.samples),
					pending.samples));
		}
		int spoolFrom = 0;
		boolean liveSent = false;
		if (this.buffer.isEmpty() && this.redisUp && !this.backlogHigh) {
			try {
				RedisBatchWriter.Reply reply = this.writer.send(RedisBatchWriter.Mode.FULL, batches,
						this.settings.highWaterMark());
				long now = System.nanoTime();
				for (int i = 0; i < reply.accepted(); i++) {
					published(group.get(i), now);
				}
				observe(reply.backlog());
				spoolFrom = reply.accepted();
				liveSent = true;
			}
			catch (RuntimeException ex) {
				redisDown(ex);
			}
		}
		if (spoolFrom == batches.size()) {
			return;
		}
		for (int i = spoolFrom; i < batches.size(); i++) {
			RedisBatchWriter.Batch batch = batches.get(i);
			this.buffer.append(batch.sequence(), batch.encoded());
			group.get(i).durable();
		}
		if (this.redisUp && !liveSent) {
			try {
				observe(this.writer.send(RedisBatchWriter.Mode.LIVE, batches.subList(spoolFrom, batches.size()), -1)
					.backlog());
			}
			catch (RuntimeException ex) {
				redisDown(ex);
			}
		}
	}

	private void replay() {
		for (int i = 0; i < REPLAY_CHUNK && this.queue.isEmpty() || i == 0; i++) {
			BufferRecord record = this.buffer.peek();
			if (record == null) {
				logger.info("Disk buffer replayed; publishing directly again");
				return;
			}
			try {
				long length = this.writer.send(RedisBatchWriter.Mode.REPLAY, record.sequence(), record.payload(), null);
				this.buffer.remove(record);
				this.replayedBatches.incrementAndGet();
				observe(length);
				if (this.backlogHigh) {
					return;
				}
			}
			catch (RuntimeException ex) {
				redisDown(ex);
				return;
			}
		}
	}

	private void published(Pending pending, long now) {
		this.publishedBatches.incrementAndGet();
		this.publishedSamples.addAndGet(pending.samples.size());
		this.latency.record(now - pending.handedOverNanos, TimeUnit.NANOSECONDS);
		pending.durable();
	}

	private void observe(long length) {
		this.backlog = length;
		if (!this.backlogHigh && length > this.settings.highWaterMark()) {
			this.backlogHigh = true;
			logger.warn(
					"Sample stream backlog is {} entries, above the high-water mark {}: spooling to the disk buffer",
					length, this.settings.highWaterMark());
		}
		else if (this.backlogHigh && length <= this.settings.lowWaterMark()) {
			this.backlogHigh = false;
			logger.info("Sample stream backlog down to {} entries: replaying the disk buffer", length);
		}
	}

	private void redisDown(RuntimeException ex) {
		if (this.redisUp) {
			logger.warn("Redis unreachable, spooling to the disk buffer: {}", ex.toString());
		}
		this.redisUp = false;
		this.lastProbeNanos = System.nanoTime();
	}

	private void probeIfDue() {
		long now = System.nanoTime();
		if (now - this.lastProbeNanos < this.settings.probeInterval().toNanos()) {
			return;
		}
		this.lastProbeNanos = now;
		try {
			long length = this.writer.probe();
			if (!this.redisUp) {
				logger.info("Redis reachable again; replaying {} buffered batches", this.buffer.depth());
			}
			this.redisUp = true;
			observe(length);
		}
		catch (RuntimeException ex) {
			this.redisUp = false;
		}
	}

	/** Stops taking batches, sends or buffers what is queued, and closes Redis. */
	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Pending left;
		while ((left = this.queue.poll()) != null) {
			this.buffer.append(left.sequence, SampleBatchCodec.encode(left.samples));
			left.durable();
		}
		this.writer.close();
	}

	private record Pending(long sequence, List<Sample> samples, long handedOverNanos, Runnable onDurable) {

		void durable() {
			if (this.onDurable == null) {
				return;
			}
			try {
				this.onDurable.run();
			}
			catch (RuntimeException ex) {
				// The batch is safe; a failing callback must not stop the pipeline.
				logger.warn("Callback after a durable batch failed", ex);
			}
		}

	}

}
