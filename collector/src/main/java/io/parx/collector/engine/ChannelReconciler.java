package io.parx.collector.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the desired channels of one protocol to what its engine runs, the same way for
 * every protocol: reads each channel's settings with the engine's {@link Hooks}, groups
 * the channels by what serves them (a device, an endpoint, a broker, a timebase), opens
 * what is new, updates only the groups whose channels changed, closes what is no longer
 * needed. A channel whose settings cannot be read, or whose group cannot be opened, is
 * {@link ChannelState#MISCONFIGURED}: it does not run, one Bad_ConfigurationError sample
 * is published per rejected configuration, and the reason is in the status API. An engine
 * holds only the protocol code behind the hooks.
 *
 * <p>
 * Not thread-safe on its own: engines call {@link #apply} under their own lock (the
 * coordinator calls it from one thread anyway) and read {@link #running} under the same
 * lock.
 *
 * @param <K> what channels share: a device, endpoint, broker or poll interval
 * @param <P> a channel as the protocol reads it
 * @param <C> what runs for one key: a connection, a poll thread, a timebase
 */
public final class ChannelReconciler<K, P, C> {

	private static final Logger logger = LoggerFactory.getLogger(ChannelReconciler.class);

	private final Protocol protocol;

	private final Hooks<K, P, C> hooks;

	private final ChannelStatusTracker tracker;

	private final Consumer<List<Sample>> publisher;

	private final Map<K, C> running = new LinkedHashMap<>();

	/** The configurations each running group was last updated with. */
	private final Map<K, Map<Long, ChannelConfig>> applied = new HashMap<>();

	/** Misconfigured channels with the configuration they were rejected for. */
	private final Map<Long, ChannelConfig> rejected = new HashMap<>();

	private Map<Long, ChannelConfig> desired = Map.of();

	/**
	 * @param protocol the engine's protocol; other protocols' channels are ignored
	 * @param hooks the protocol-specific steps
	 * @param tracker the engine's status tracker, which carries the reasons
	 * @param publisher where the Bad_ConfigurationError samples go (the engine's own
	 * publish, so its meters count them)
	 */
	public ChannelReconciler(Protocol protocol, Hooks<K, P, C> hooks, ChannelStatusTracker tracker,
			Consumer<List<Sample>> publisher) {
		this.protocol = protocol;
		this.hooks = hooks;
		this.tracker = tracker;
		this.publisher = publisher;
	}

	/**
	 * Applies the full desired set (see {@link ProtocolEngine#apply}). Disabled channels,
	 * unsaved ones (id 0) and other protocols' channels do not run.
	 * @return what changed against the previous call
	 */
	public ChannelDiff apply(Collection<ChannelConfig> channels) {
		Map<Long, ChannelConfig> wanted = new LinkedHashMap<>();
		for (ChannelConfig channel : channels) {
			if (channel.protocol() == this.protocol && channel.enabled() && channel.id() > 0) {
				wanted.put(channel.id(), channel);
			}
		}
		ChannelDiff diff = ChannelDiff.between(this.desired, wanted.values());
		this.desired = wanted;
		Map<K, List<P>> groups = new LinkedHashMap<>();
		Map<K, Map<Long, ChannelConfig>> groupConfigs = new HashMap<>();
		Map<Long, ChannelConfig> nowRejected = new HashMap<>();
		List<Sample> failed = new ArrayList<>();
		for (ChannelConfig config : wanted.values()) {
			try {
				P channel = this.hooks.channel(config);
				K key = this.hooks.key(config, channel);
				groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(channel);
				groupConfigs.computeIfAbsent(key, (k) -> new HashMap<>()).put(config.id(), config);
			}
			catch (IllegalArgumentException ex) {
				reject(config, ex.getMessage(), nowRejected, failed);
			}
		}
		for (var it = this.running.entrySet().iterator(); it.hasNext();) {
			var entry = it.next();
			if (!groups.containsKey(entry.getKey())) {
				it.remove();
				this.applied.remove(entry.getKey());
				this.hooks.close(entry.getValue());
			}
		}
		groups.forEach((key, members) -> {
			Map<Long, ChannelConfig> configs = groupConfigs.get(key);
			C existing = this.running.get(key);
			if (existing == null) {
				try {
					this.running.put(key, this.hooks.open(key, members));
					this.applied.put(key, configs);
				}
				catch (IllegalArgumentException | IllegalStateException ex) {
					// e.g. an unreadable trust store: these channels cannot run until it
					// is
					// fixed; the next apply tries again
					configs.values().forEach((config) -> reject(config, ex.getMessage(), nowRejected, failed));
					return;
				}
			}
			else if (!configs.equals(this.applied.get(key))) {
				this.hooks.update(existing, members);
				this.applied.put(key, configs);
			}
			configs.keySet().forEach(this.tracker::running);
		});
		this.rejected.clear();
		this.rejected.putAll(nowRejected);
		this.tracker.retain(wanted.keySet());
		if (!failed.isEmpty()) {
			this.publisher.accept(failed);
		}
		return diff;
	}

	private void reject(ChannelConfig config, String reason, Map<Long, ChannelConfig> nowRejected,
			List<Sample> failed) {
		String text = (reason != null && !reason.isBlank()) ? reason : "invalid settings";
		nowRejected.put(config.id(), config);
		this.tracker.misconfigured(config.id(), text);
		if (!config.equals(this.rejected.get(config.id()))) {
			// once per rejected configuration, not on every apply
			logger.warn("{} channel {} ({}) misconfigured: {}", this.protocol, config.id(), config.name(), text);
			failed.add(Sample.failed(config.id(), Instant.now(), Quality.BAD_CONFIGURATION_ERROR));
		}
	}

	/** What runs, by key; a live view for the engine's own lock. */
	public Map<K, C> running() {
		return this.running;
	}

	/** Ids of the channels that do not run because they are misconfigured. */
	public Set<Long> misconfigured() {
		return Set.copyOf(this.rejected.keySet());
	}

	/**
	 * Forgets everything that runs without closing it, for the engine's own close.
	 * @return what ran
	 */
	public List<C> clear() {
		List<C> all = new ArrayList<>(this.running.values());
		this.running.clear();
		this.applied.clear();
		this.rejected.clear();
		this.desired = Map.of();
		return all;
	}

	/**
	 * The protocol-specific steps of applying channels.
	 *
	 * @param <K> what channels share
	 * @param <P> a channel as the protocol reads it
	 * @param <C> what runs for one key
	 */
	public interface Hooks<K, P, C> {

		/**
		 * Reads the channel's protocol settings.
		 * @throws IllegalArgumentException naming what is wrong: the channel is
		 * misconfigured
		 */
		P channel(ChannelConfig config);

		/**
		 * What serves the channel: channels with equal keys share one {@code C}.
		 * @throws IllegalArgumentException naming what is wrong
		 */
		K key(ChannelConfig config, P channel);

		/**
		 * Starts what serves a new key, with its channels.
		 * @throws IllegalArgumentException or IllegalStateException when it cannot be
		 * built from these settings: its channels are misconfigured
		 */
		C open(K key, List<P> channels);

		/**
		 * Hands a running key its channels, the full set, after one of them was added,
		 * changed or removed; must keep what did not change running.
		 */
		void update(C running, List<P> channels);

		/**
		 * Stops what served a key that no channel needs any more; must return quickly.
		 */
		void close(C running);

	}

}
