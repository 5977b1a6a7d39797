package io.parx.collector.failover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.parx.common.collector.CollectorInstance;

/**
 * {@link LeaseStore} in memory with the semantics of {@link RedisLeaseStore}'s scripts
 * (checked against Redis in {@code RedisLeaseStoreTests}) on a clock the test moves, and
 * a switch that makes it fail like an unreachable Redis.
 */
final class MemoryLeaseStore implements LeaseStore {

	final AtomicLong clock;

	private final Map<String, Entry> leases = new HashMap<>();

	private long fence;

	boolean down;

	MemoryLeaseStore(AtomicLong clock) {
		this.clock = clock;
	}

	@Override
	public synchronized OptionalLong acquire(String connection, String instance, Duration ttl) {
		check();
		if (live(connection) != null) {
			return OptionalLong.empty();
		}
		long token = ++this.fence;
		this.leases.put(connection, new Entry(instance + " " + token, this.clock.get() + ttl.toNanos()));
		return OptionalLong.of(token);
	}

	@Override
	public synchronized Set<String> renew(Map<String, Long> tokens, String instance, Duration ttl) {
		check();
		Set<String> kept = new HashSet<>();
		tokens.forEach((connection, token) -> {
			Entry entry = live(connection);
			if (entry != null && entry.value().equals(instance + " " + token)) {
				this.leases.put(connection, new Entry(entry.value(), this.clock.get() + ttl.toNanos()));
				kept.add(connection);
			}
		});
		return kept;
	}

	@Override
	public synchronized void release(String connection, String instance, long token) {
		check();
		Entry entry = live(connection);
		if (entry != null && entry.value().equals(instance + " " + token)) {
			this.leases.remove(connection);
		}
	}

	@Override
	public synchronized Map<String, String> holders(Collection<String> connections) {
		check();
		Map<String, String> holders = new HashMap<>();
		for (String connection : connections) {
			Entry entry = live(connection);
			holders.put(connection,
					(entry != null) ? entry.value().substring(0, entry.value().lastIndexOf(' ')) : null);
		}
		return holders;
	}

	/** Loses a lease, as a Redis restarted without its data would. */
	synchronized void forget(String connection) {
		this.leases.remove(connection);
	}

	synchronized String holder(String connection) {
		Entry entry = live(connection);
		return (entry != null) ? entry.value() : null;
	}

	@Override
	public void register(CollectorInstance record, Duration ttl) {
		check();
	}

	@Override
	public void unregister(String instance) {
		check();
	}

	@Override
	public List<CollectorInstance> instances(String group) {
		check();
		return new ArrayList<>();
	}

	private Entry live(String connection) {
		Entry entry = this.leases.get(connection);
		if (entry != null && entry.expiresAt() - this.clock.get() <= 0) {
			this.leases.remove(connection);
			return null;
		}
		return entry;
	}

	private void check() {
		if (this.down) {
			throw new IllegalStateException("Redis does not answer");
		}
	}

	private record Entry(String value, long expiresAt) {

	}

}
