package io.parx.collector.channels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.parx.collector.CollectorSettings;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.failover.HeldConnections;
import io.parx.common.config.channel.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the engines running exactly the channels assigned to this collector: loads them
 * at start-up, reloads one channel on a config event and applies the change to the
 * engine(s) of its protocol only, and resynchronizes everything periodically. All work
 * runs on one thread, so engines see {@code apply} calls one at a time. In a collector
 * group with failover (issue #21) only the channels whose device connection this instance
 * holds a lease on run ({@link HeldConnections}); taking or losing a lease is a
 * {@link #reapply} that adds or removes channels like a config change.
 */
@Component
public class ChannelCoordinator implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChannelCoordinator.class);

	private final ChannelRepository repository;

	private final CollectorSettings collector;

	private final ChannelsSettings settings;

	private final HeldConnections held;

	private final Map<Protocol, ProtocolEngine> engines = new EnumMap<>(Protocol.class);

	private final Map<Long, ChannelConfig> running = new HashMap<>();

	private ScheduledExecutorService executor;

	private volatile boolean started;

	public ChannelCoordinator(ChannelRepository repository, CollectorSettings collector, ChannelsSettings settings,
			List<ProtocolEngine> engines, HeldConnections held) {
		this.repository = repository;
		this.held = held;
		held.onHeldChanged(this::reapply);
		this.collector = collector;
		this.settings = settings;
		for (ProtocolEngine engine : engines) {
			if (this.engines.put(engine.protocol(), engine) != null) {
				throw new IllegalStateException("two engines for protocol " + engine.protocol());
			}
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("parx-channels").factory());
		long resync = this.settings.resyncInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::resyncQuietly, 0, resync, TimeUnit.MILLISECONDS);
		this.started = true;
	}

	/** Reloads one channel after a config event, asynchronously. */
	public void channelChanged(long id) {
		ScheduledExecutorService executor = this.executor;
		if (executor != null) {
			executor.execute(() -> reloadQuietly(id));
		}
	}

	/** A snapshot of the channels that run here. */
	public synchronized List<ChannelConfig> channels() {
		return this.running.values().stream().filter(this.held::admits).toList();
	}

	/**
	 * Applies the channels to every engine again, asynchronously: after this instance
	 * took or lost a lease.
	 */
	public void reapply() {
		ScheduledExecutorService executor = this.executor;
		if (executor != null && this.started) {
			// after stop() the engines are closed: nothing to apply (the lease keeper
			// gives its leases up after the coordinator stopped)
			executor.execute(() -> {
				for (Protocol protocol : Protocol.values()) {
					applyTo(protocol);
				}
			});
		}
	}

	public Map<Protocol, ProtocolEngine> engines() {
		return Map.copyOf(this.engines);
	}

	public Optional<ProtocolEngine> engine(Protocol protocol) {
		return Optional.ofNullable(this.engines.get(protocol));
	}

	private void resyncQuietly() {
		try {
			List<ChannelConfig> desired = this.repository.findAssigned(this.collector.name(),
					this.collector.isDefault());
			Map<Long, ChannelConfig> next = new HashMap<>();
			desired.forEach((channel) -> next.put(channel.id(), channel));
			List<Protocol> changed = new ArrayList<>();
			synchronized (this) {
				for (Protocol protocol : Protocol.values()) {
					if (!ofProtocol(this.running.values(), protocol).equals(ofProtocol(next.values(), protocol))) {
						changed.add(protocol);
					}
				}
				this.running.clear();
				this.running.putAll(next);
			}
			reportAssigned();
			changed.forEach(this::applyTo);
		}
		catch (RuntimeException ex) {
			logger.warn("Loading channels failed, retrying in {}: {}", this.settings.resyncInterval(), ex.toString());
		}
	}

	private void reloadQuietly(long id) {
		try {
			Optional<ChannelConfig> loaded = this.repository.findById(id).filter(this::assignedHere);
			ChannelConfig previous;
			synchronized (this) {
				previous = loaded.isPresent() ? this.running.put(id, loaded.get()) : this.running.remove(id);
			}
			if (previous != null && loaded.isPresent() && previous.equals(loaded.get())) {
				return;
			}
			reportAssigned();
			if (previous != null) {
				applyTo(previous.protocol());
			}
			if (loaded.isPresent() && (previous == null || previous.protocol() != loaded.get().protocol())) {
				applyTo(loaded.get().protocol());
			}
			logger.info("Channel {} reloaded: {}", id, loaded.isPresent() ? "running" : "stopped");
		}
		catch (RuntimeException ex) {
			logger.warn("Reloading channel {} failed: {}", id, ex.toString());
		}
	}

	private boolean assignedHere(ChannelConfig channel) {
		return channel.enabled() && (this.collector.name().equals(channel.collector())
				|| (channel.collector() == null && this.collector.isDefault()));
	}

	/** Tells the lease keeper the channels and their device connections. */
	private void reportAssigned() {
		Map<Long, String> connectionOf = new HashMap<>();
		synchronized (this) {
			for (ChannelConfig channel : this.running.values()) {
				ProtocolEngine engine = this.engines.get(channel.protocol());
				connectionOf.put(channel.id(), (engine != null) ? engine.connection(channel)
						: channel.protocol().name().toLowerCase(Locale.ROOT) + ":channel:" + channel.id());
			}
		}
		this.held.assigned(connectionOf);
	}

	private void applyTo(Protocol protocol) {
		List<ChannelConfig> channels;
		synchronized (this) {
			channels = ofProtocol(this.running.values(), protocol).stream().filter(this.held::admits).toList();
		}
		ProtocolEngine engine = this.engines.get(protocol);
		if (engine == null) {
			if (!channels.isEmpty()) {
				logger.warn("{} channels use protocol {}, which this collector has no engine for", channels.size(),
						protocol);
			}
			return;
		}
		try {
			engine.apply(channels);
		}
		catch (RuntimeException ex) {
			logger.error("Engine {} rejected its {} channels", protocol, channels.size(), ex);
		}
	}

	private static List<ChannelConfig> ofProtocol(Collection<ChannelConfig> channels, Protocol protocol) {
		return channels.stream()
			.filter((channel) -> channel.protocol() == protocol)
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.toList();
	}

	@Override
	public void stop() {
		this.started = false;
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
		for (ProtocolEngine engine : this.engines.values()) {
			try {
				engine.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Closing engine {} failed", engine.protocol(), ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public int getPhase() {
		// Stop before the publisher closes, so the last batches still reach it.
		return Integer.MAX_VALUE - 1000;
	}

}
