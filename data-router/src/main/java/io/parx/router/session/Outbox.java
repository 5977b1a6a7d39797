package io.parx.router.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.parx.router.live.LiveSample;

/**
 * A session's outgoing buffer. Control messages (acknowledgements, snapshots, errors)
 * queue ahead of updates. Updates queue in arrival order up to {@code capacity}; when
 * full, the buffer switches to coalescing, keeping only the newest sample per channel (so
 * its size is bounded by the subscription count) until the sender has taken everything.
 * Samples of rate-limited subscriptions wait in a third, per-channel slot until they are
 * due. Alarm frames queue between the two, in the same way: in order up to
 * {@code capacity}, then only the newest frame per alarm definition (it carries the
 * alarm's current entry, so a slow client still ends with the right active list).
 *
 * <p>
 * Not thread-safe: guarded by its {@link RouterSession}'s lock.
 */
final class Outbox {

	private final int capacity;

	private final RouterMetrics metrics;

	private final ArrayDeque<String> control = new ArrayDeque<>();

	private final ArrayList<LiveSample> queue = new ArrayList<>();

	/** Newest sample per channel while the queue is full, else null. */
	private LinkedHashMap<Long, LiveSample> coalescing;

	private final ArrayDeque<AlarmFrame> alarms = new ArrayDeque<>();

	/** Newest alarm frame per definition while the alarm queue is full, else null. */
	private LinkedHashMap<Long, String> coalescingAlarms;

	/** Newest sample per rate-limited channel that is not due yet. */
	private final Map<Long, LiveSample> held = new LinkedHashMap<>();

	Outbox(int capacity, RouterMetrics metrics) {
		this.capacity = capacity;
		this.metrics = metrics;
	}

	int controlSize() {
		return this.control.size();
	}

	void addControl(String json) {
		this.control.add(json);
	}

	String pollControl() {
		return this.control.poll();
	}

	/**
	 * Queues an alarm frame; never grows beyond the capacity or the number of alarm
	 * definitions.
	 */
	void addAlarm(long definitionId, String json) {
		if (this.coalescingAlarms != null) {
			if (this.coalescingAlarms.put(definitionId, json) != null) {
				this.metrics.alarmsCoalesced.increment();
			}
			return;
		}
		if (this.alarms.size() < this.capacity) {
			this.alarms.add(new AlarmFrame(definitionId, json));
			return;
		}
		LinkedHashMap<Long, String> latest = new LinkedHashMap<>();
		for (AlarmFrame queued : this.alarms) {
			latest.put(queued.definitionId(), queued.json());
		}
		latest.put(definitionId, json);
		this.metrics.alarmsCoalesced.increment(this.alarms.size() + 1 - latest.size());
		this.alarms.clear();
		this.coalescingAlarms = latest;
	}

	/** The next alarm frame, or {@code null}. */
	String pollAlarm() {
		AlarmFrame frame = this.alarms.poll();
		if (frame != null) {
			return frame.json();
		}
		if (this.coalescingAlarms == null) {
			return null;
		}
		Iterator<String> it = this.coalescingAlarms.values().iterator();
		String json = it.next();
		it.remove();
		if (this.coalescingAlarms.isEmpty()) {
			this.coalescingAlarms = null;
		}
		return json;
	}

	/** Forgets every queued alarm frame. */
	void clearAlarms() {
		this.alarms.clear();
		this.coalescingAlarms = null;
	}

	/** Queues an update; never grows beyond the capacity or the number of channels. */
	void add(LiveSample sample) {
		if (this.coalescing != null) {
			if (this.coalescing.put(sample.channelId(), sample) != null) {
				this.metrics.coalesced.increment();
			}
			return;
		}
		if (this.queue.size() < this.capacity) {
			this.queue.add(sample);
			return;
		}
		// Full: from now on only the newest sample per channel counts (latest wins).
		LinkedHashMap<Long, LiveSample> latest = new LinkedHashMap<>();
		for (LiveSample queued : this.queue) {
			latest.put(queued.channelId(), queued);
		}
		latest.put(sample.channelId(), sample);
		this.metrics.coalesced.increment(this.queue.size() + 1 - latest.size());
		this.queue.clear();
		this.coalescing = latest;
	}

	/** Keeps a rate-limited sample until it is due, replacing an older one. */
	void hold(LiveSample sample) {
		if (this.held.put(sample.channelId(), sample) != null) {
			this.metrics.throttled.increment();
		}
	}

	boolean hasHeld() {
		return !this.held.isEmpty();
	}

	/**
	 * Moves held samples that {@code due} accepts into the update queue.
	 * @return whether any moved
	 */
	boolean releaseHeld(Predicate<LiveSample> due) {
		boolean released = false;
		for (Iterator<LiveSample> it = this.held.values().iterator(); it.hasNext();) {
			LiveSample sample = it.next();
			if (due.test(sample)) {
				it.remove();
				add(sample);
				released = true;
			}
		}
		return released;
	}

	boolean hasUpdates() {
		return !this.queue.isEmpty() || (this.coalescing != null && !this.coalescing.isEmpty());
	}

	/** Takes up to {@code max} updates, oldest first. */
	List<LiveSample> takeUpdates(int max) {
		List<LiveSample> taken;
		if (this.coalescing != null) {
			taken = new ArrayList<>(Math.min(max, this.coalescing.size()));
			for (Iterator<LiveSample> it = this.coalescing.values().iterator(); it.hasNext() && taken.size() < max;) {
				taken.add(it.next());
				it.remove();
			}
			if (this.coalescing.isEmpty()) {
				this.coalescing = null;
			}
		}
		else if (this.queue.size() <= max) {
			taken = new ArrayList<>(this.queue);
			this.queue.clear();
		}
		else {
			List<LiveSample> head = this.queue.subList(0, max);
			taken = new ArrayList<>(head);
			head.clear();
		}
		return taken;
	}

	/** Forgets everything queued or held for these channels. */
	void remove(Collection<Long> channelIds) {
		Set<Long> gone = Set.copyOf(channelIds);
		this.queue.removeIf((sample) -> gone.contains(sample.channelId()));
		if (this.coalescing != null) {
			this.coalescing.keySet().removeAll(gone);
		}
		this.held.keySet().removeAll(gone);
	}

	/**
	 * Empties the buffer.
	 * @return the number of samples discarded
	 */
	int clear() {
		int discarded = this.queue.size() + ((this.coalescing != null) ? this.coalescing.size() : 0) + this.held.size();
		this.queue.clear();
		this.coalescing = null;
		this.held.clear();
		this.control.clear();
		clearAlarms();
		return discarded;
	}

	private record AlarmFrame(long definitionId, String json) {

	}

}
