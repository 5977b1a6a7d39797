package io.parx.collector.failover;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.CollectorSettings;
import io.parx.common.collector.CollectorInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the group's leases on one thread (issue #21): every renew interval, and at once
 * when the channels change or a lease's local deadline comes, it renews, gives up and
 * takes leases ({@link Leases}), hands the result to {@link HeldConnections} (whose
 * listener, the channel coordinator, applies the channels again when it changed), and
 * writes this instance's record (what it holds, its URL) for the admin-api and the other
 * instances. Without failover it only writes the record, with every channel, so the
 * admin-api can route to named collectors too.
 */
public class LeaseKeeper implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private final FailoverSettings settings;

	private final String group;

	private final InstanceId instance;

	private final LeaseStore store;

	private final HeldConnections held;

	private final Leases leases;

	private final Object wake = new Object();

	private volatile List<CollectorInstance> instances = List.of();

	private volatile boolean running;

	private boolean woken;

	private Thread thread;

	LeaseKeeper(FailoverSettings settings, CollectorSettings collector, InstanceId instance, LeaseStore store,
			HeldConnections held, MeterRegistry registry) {
		this.settings = settings;
		this.group = collector.name();
		this.instance = instance;
		this.store = store;
		this.held = held;
		this.leases = new Leases(store, instance.value(), settings, System::nanoTime);
		held.onAssigned(this::wake);
		Gauge
			.builder("parx.collector.failover.connections.held", held,
					(h) -> h.enabled() ? h.held().size() : h.wanted().size())
			.description("Device connections this instance holds (with failover: holds a lease on)")
			.register(registry);
		Gauge.builder("parx.collector.failover.connections", held, (h) -> h.wanted().size())
			.description("Device connections of this instance's group")
			.register(registry);
		Gauge.builder("parx.collector.failover.instances", this, (k) -> k.instances.size())
			.description("Live instances of this instance's group, itself included")
			.register(registry);
		FunctionCounter.builder("parx.collector.failover.leases.taken", this.leases, Leases::taken)
			.description("Leases taken (a connection started here)")
			.register(registry);
		FunctionCounter.builder("parx.collector.failover.leases.lost", this.leases, Leases::lost)
			.description("Leases lost: taken by another instance or not renewed in time")
			.register(registry);
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("parx-leases").daemon().start(this::run);
		logger.info("Collector {} instance {}{}", this.group, this.instance,
				this.settings.enabled() ? ": failover on, lease " + this.settings.leaseTtl() + ", renewed every "
						+ this.settings.renewInterval() : "");
	}

	private void run() {
		while (this.running) {
			tick();
			long waitNanos = this.settings.renewInterval().toNanos();
			long now = System.nanoTime();
			for (Leases.Lease lease : this.held.held().values()) {
				waitNanos = Math.min(waitNanos, Math.max(1_000_000, lease.validUntilNanos() - now + 1_000_000));
			}
			synchronized (this.wake) {
				try {
					if (!this.woken && this.running) {
						this.wake.wait(Math.max(1, waitNanos / 1_000_000));
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				this.woken = false;
			}
		}
	}

	private void wake() {
		synchronized (this.wake) {
			this.woken = true;
			this.wake.notifyAll();
		}
	}

	private void tick() {
		try {
			// the record first: it then expires before the leases renewed after it, so
			// when a killed instance's leases are free, it no longer counts as live
			register();
			if (this.settings.enabled()) {
				List<CollectorInstance> live;
				try {
					live = this.store.instances(this.group);
				}
				catch (RuntimeException ex) {
					live = this.instances; // the last known; renewal reports the failure
				}
				this.instances = live;
				this.leases.tick(this.held.wanted(), live.stream().map(CollectorInstance::instance).toList());
				this.held.held(this.leases.held()); // the coordinator applies a change
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Lease round failed: {}", ex.toString());
		}
	}

	private void register() {
		try {
			this.store.register(record(), this.settings.leaseTtl());
			if (!this.settings.enabled()) {
				this.instances = this.store.instances(this.group);
			}
		}
		catch (RuntimeException ex) {
			// the admin-api then falls back to PARX_COLLECTOR_URL; reported by renewal
			logger.debug("Writing the instance record failed: {}", ex.toString());
		}
	}

	/** This instance's record: the connections it holds now. */
	CollectorInstance record() {
		Map<String, List<Long>> connections = this.held.connections();
		Map<String, Leases.Lease> leases = this.held.held();
		List<CollectorInstance.HeldConnection> holding = new ArrayList<>();
		connections.forEach((name, channels) -> {
			if (!this.settings.enabled()) {
				holding.add(new CollectorInstance.HeldConnection(name, 0, channels));
			}
			else if (leases.containsKey(name)) {
				holding.add(new CollectorInstance.HeldConnection(name, leases.get(name).token(), channels));
			}
		});
		holding.sort(Comparator.comparing(CollectorInstance.HeldConnection::name));
		return new CollectorInstance(this.group, this.instance.value(), this.settings.advertisedUrl(), holding,
				Clock.systemUTC().instant());
	}

	/** For the status API. */
	public FailoverStatus status() {
		Map<String, Leases.Lease> leases = this.held.held();
		long now = System.nanoTime();
		List<FailoverStatus.Held> holding = record().connections()
			.stream()
			.map((c) -> new FailoverStatus.Held(c.name(), c.token(), c.channels(),
					leases.containsKey(c.name())
							? Math.max(0, (leases.get(c.name()).validUntilNanos() - now) / 1_000_000) : null))
			.toList();
		List<FailoverStatus.Instance> others = this.instances.stream()
			.filter((i) -> !i.instance().equals(this.instance.value()))
			.map((i) -> new FailoverStatus.Instance(i.instance(), i.url(), i.connections().size(),
					i.connections().stream().mapToInt((c) -> c.channels().size()).sum()))
			.sorted(Comparator.comparing(FailoverStatus.Instance::instance))
			.toList();
		return new FailoverStatus(this.settings.enabled(), this.group, this.instance.value(),
				this.settings.advertisedUrl(), holding, this.held.wanted().size(), others);
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		if (this.thread != null) {
			try {
				this.thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.settings.enabled()) {
			// the engines are closed already (the coordinator stops first): let another
			// instance take over at once rather than after the lease expires
			this.leases.releaseAll();
			try {
				this.held.held(Map.of());
			}
			catch (RuntimeException ex) {
				logger.debug("Handing over the empty lease set failed: {}", ex.toString());
			}
		}
		try {
			// gone at once, so the others count their shares without it
			this.store.unregister(this.instance.value());
		}
		catch (RuntimeException ex) {
			logger.debug("Removing the instance record failed: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// starts before and stops after the channel coordinator
		return Integer.MAX_VALUE - 2000;
	}

}
