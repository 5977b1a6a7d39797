package io.parx.bench.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.parx.bench.router.RespPublisher;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;

/**
 * Live updates at a fixed rate, published where the collector publishes them (the Redis
 * live channel the data-router reads): every 10 ms one batch, the channels taken in turn,
 * so each channel changes {@code rate / channels} times a second with a random walk.
 */
final class LiveLoad implements AutoCloseable {

	private static final long TICK_NANOS = 10_000_000;

	private final RespPublisher publisher;

	private final String channel;

	private final List<Long> channelIds;

	private final int rate;

	private final double[] values;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final LongAdder published = new LongAdder();

	private final Thread thread;

	LiveLoad(URI redis, String liveChannel, List<Long> channelIds, int rate) throws IOException {
		this.publisher = new RespPublisher(redis);
		this.channel = liveChannel;
		this.channelIds = List.copyOf(channelIds);
		this.rate = rate;
		this.values = new double[channelIds.size()];
		this.thread = Thread.ofPlatform().name("live-load").daemon().start(this::run);
	}

	long published() {
		return this.published.sum();
	}

	private void run() {
		long next = System.nanoTime();
		double owed = 0;
		int cursor = 0;
		while (this.running.get()) {
			owed += this.rate * (TICK_NANOS / 1e9);
			int count = (int) owed;
			owed -= count;
			long now = Sample.toMicros(Instant.now());
			List<Sample> batch = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int index = cursor;
				cursor = (cursor + 1) % this.values.length;
				this.values[index] = Math.clamp(this.values[index] + (Math.random() - 0.5) * 10, -100, 100);
				batch.add(new Sample(this.channelIds.get(index), now, SampleValue.of(this.values[index]), 0));
			}
			try {
				if (!batch.isEmpty()) {
					this.publisher.publish(this.channel, SampleBatchCodec.encode(batch));
					this.published.add(batch.size());
				}
			}
			catch (IOException ex) {
				if (this.running.get()) {
					throw new IllegalStateException("publishing to Redis failed", ex);
				}
				return;
			}
			next += TICK_NANOS;
			LockSupport.parkNanos(next - System.nanoTime());
		}
	}

	@Override
	public void close() throws Exception {
		this.running.set(false);
		this.thread.join(1000);
		this.publisher.close();
	}

}
