package io.parx.collector.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * Keeps the last sample, last good time and read rate per channel, for
 * {@link EngineStatus}. Thread-safe; engines call {@link #record} for every sample they
 * publish and {@link #retain} after {@link ProtocolEngine#apply}.
 */
public final class ChannelStatusTracker {

	/** Window over which the read rate is measured. */
	private static final long WINDOW_NANOS = 10_000_000_000L;

	private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

	public void record(Sample sample) {
		this.entries.computeIfAbsent(sample.channelId(), (id) -> new Entry()).record(sample);
	}

	public void record(Collection<Sample> samples) {
		for (Sample sample : samples) {
			record(sample);
		}
	}

	/** Forgets channels that no longer run. */
	public void retain(Collection<Long> channelIds) {
		this.entries.keySet().retainAll(channelIds);
	}

	public void remove(long channelId) {
		this.entries.remove(channelId);
	}

	public List<ChannelStatus> snapshot() {
		List<ChannelStatus> result = new ArrayList<>(this.entries.size());
		long now = System.nanoTime();
		this.entries.forEach((id, entry) -> result.add(entry.status(id, now)));
		result.sort((a, b) -> Long.compare(a.channelId(), b.channelId()));
		return result;
	}

	private static final class Entry {

		private SampleValue lastValue;

		private int quality;

		private Instant lastGoodTime;

		private long windowStart = System.nanoTime();

		private long windowCount;

		private double lastRate;

		synchronized void record(Sample sample) {
			if (sample.value() != null) {
				this.lastValue = sample.value();
			}
			this.quality = sample.quality();
			if (sample.isGood()) {
				this.lastGoodTime = sample.time();
			}
			roll(System.nanoTime());
			this.windowCount++;
		}

		private void roll(long now) {
			long elapsed = now - this.windowStart;
			if (elapsed >= WINDOW_NANOS) {
				this.lastRate = this.windowCount * 1e9 / elapsed;
				this.windowStart = now;
				this.windowCount = 0;
			}
		}

		synchronized ChannelStatus status(long id, long now) {
			roll(now);
			long elapsed = now - this.windowStart;
			double rate = (elapsed > 1_000_000_000L) ? this.windowCount * 1e9 / elapsed : this.lastRate;
			return new ChannelStatus(id, this.lastValue, this.quality, this.lastGoodTime, rate);
		}

	}

}
