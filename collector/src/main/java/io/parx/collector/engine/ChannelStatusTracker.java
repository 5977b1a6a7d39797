package io.parx.collector.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * Keeps the last sample, last good time, read rate and state per channel, for
 * {@link EngineStatus}. Thread-safe; engines call {@link #record} for every sample they
 * publish; {@link ChannelReconciler} sets the state and calls {@link #retain} on every
 * apply.
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

	/** Marks a channel as not running because of its configuration, with the reason. */
	public void misconfigured(long channelId, String reason) {
		this.entries.computeIfAbsent(channelId, (id) -> new Entry()).misconfigured(reason);
	}

	/** Marks a channel as running again (its reason, if any, is dropped). */
	public void running(long channelId) {
		Entry entry = this.entries.get(channelId);
		if (entry != null) {
			entry.misconfigured(null);
		}
	}

	/** Why the channel is misconfigured, when it is. */
	public Optional<String> reason(long channelId) {
		Entry entry = this.entries.get(channelId);
		return Optional.ofNullable((entry != null) ? entry.reason : null);
	}

	/** The last value the channel read, if it runs and read one. */
	public Optional<SampleValue> lastValue(long channelId) {
		Entry entry = this.entries.get(channelId);
		return Optional.ofNullable((entry != null) ? entry.lastValue() : null);
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

		private volatile String reason;

		void misconfigured(String reason) {
			this.reason = reason;
		}

		synchronized SampleValue lastValue() {
			return this.lastValue;
		}

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
			String why = this.reason;
			return new ChannelStatus(id, this.lastValue, this.quality, this.lastGoodTime, rate,
					(why != null) ? ChannelState.MISCONFIGURED : ChannelState.RUNNING, why);
		}

	}

}
