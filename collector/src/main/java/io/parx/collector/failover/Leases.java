package io.parx.collector.failover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases one instance holds on its group's device connections, and the rules by which
 * it renews, gives up and takes them (issue #21). Called from one thread, one
 * {@link #tick} per renew interval.
 *
 * <p>
 * Fencing is by time: a lease is valid locally until {@code leaseTtl - stopMargin} after
 * its last renewal was <em>sent</em>, while Redis keeps it {@code leaseTtl} after it
 * <em>executed</em> it. An instance that cannot renew (paused, cut off from Redis) stops
 * reading and publishing the connection at least {@code stopMargin} before another
 * instance can take it over; the tokens make renewal and release compare-and-set, so a
 * late instance never extends or deletes its successor's lease.
 *
 * <p>
 * Sharing: each instance aims at {@code ceil(connections / live instances)}. It takes
 * free connections up to that (those it ranks first by rendezvous hashing before others),
 * and any connection that stayed free for a whole tick whatever its count (availability
 * before balance); it gives surplus connections up only while another live instance holds
 * fewer than its share, so a joining instance gets work and nothing moves back and forth.
 */
final class Leases {

	private static final Logger logger = LoggerFactory.getLogger(Leases.class);

	private final LeaseStore store;

	private final String instance;

	private final FailoverSettings settings;

	private final LongSupplier nanos;

	private final Map<String, Lease> held = new LinkedHashMap<>();

	private Set<String> freeBefore = Set.of();

	/**
	 * Surplus leases given up locally in the last tick and released in Redis in this one,
	 * so the engine has stopped the connection before another instance can take it.
	 */
	private final Map<String, Lease> releasing = new LinkedHashMap<>();

	private boolean storeFailing;

	private final AtomicLong taken = new AtomicLong();

	private final AtomicLong lost = new AtomicLong();

	Leases(LeaseStore store, String instance, FailoverSettings settings, LongSupplier nanos) {
		this.store = store;
		this.instance = instance;
		this.settings = settings;
		this.nanos = nanos;
	}

	/**
	 * One round: renews what is held, gives up what expired locally or is no longer
	 * wanted or is surplus, takes free connections.
	 * @param wanted the group's connections (of its enabled channels)
	 * @param others the group's other live instances
	 * @return whether the set of held connections changed
	 */
	boolean tick(Set<String> wanted, Collection<String> others) {
		Set<String> before = Set.copyOf(this.held.keySet());
		releaseStopped();
		renew();
		expire();
		for (String connection : List.copyOf(this.held.keySet())) {
			if (!wanted.contains(connection)) {
				release(connection, "no channel needs it any more");
			}
		}
		try {
			balance(wanted, others);
			this.storeFailing = false;
		}
		catch (RuntimeException ex) {
			failing(ex);
		}
		return !before.equals(this.held.keySet());
	}

	/** The leases held now, with their local deadlines. */
	Map<String, Lease> held() {
		return Map.copyOf(this.held);
	}

	/** Leases taken since start. */
	long taken() {
		return this.taken.get();
	}

	/** Leases lost (taken by another instance, or not renewed in time) since start. */
	long lost() {
		return this.lost.get();
	}

	private void releaseStopped() {
		for (var it = this.releasing.entrySet().iterator(); it.hasNext();) {
			var entry = it.next();
			try {
				this.store.release(entry.getKey(), this.instance, entry.getValue().token());
			}
			catch (RuntimeException ex) {
				failing(ex); // it expires on its own
			}
			it.remove();
		}
	}

	/** Gives every lease up (a clean shutdown), so others take over at once. */
	void releaseAll() {
		releaseStopped();
		for (String connection : List.copyOf(this.held.keySet())) {
			release(connection, "shutting down");
		}
	}

	private void renew() {
		if (this.held.isEmpty()) {
			return;
		}
		long sent = this.nanos.getAsLong();
		Map<String, Long> tokens = new HashMap<>();
		this.held.forEach((connection, lease) -> tokens.put(connection, lease.token()));
		Set<String> kept;
		try {
			kept = this.store.renew(tokens, this.instance, this.settings.leaseTtl());
			this.storeFailing = false;
		}
		catch (RuntimeException ex) {
			failing(ex);
			return;
		}
		for (var it = this.held.entrySet().iterator(); it.hasNext();) {
			var entry = it.next();
			if (kept.contains(entry.getKey())) {
				entry.setValue(new Lease(entry.getValue().token(), sent + this.settings.validity().toNanos()));
			}
			else {
				it.remove();
				this.lost.incrementAndGet();
				logger.warn("Lost the lease on {} (token {}): another instance holds it or it expired; stopped it",
						entry.getKey(), entry.getValue().token());
			}
		}
	}

	private void expire() {
		long now = this.nanos.getAsLong();
		for (var it = this.held.entrySet().iterator(); it.hasNext();) {
			var entry = it.next();
			if (entry.getValue().validUntilNanos() - now <= 0) {
				it.remove();
				this.lost.incrementAndGet();
				logger.warn("Could not renew the lease on {} in time: stopped reading it, another instance may take it",
						entry.getKey());
			}
		}
	}

	private void balance(Set<String> wanted, Collection<String> others) {
		List<String> live = new ArrayList<>(new HashSet<>(others));
		live.remove(this.instance);
		// ceil(connections / instances), itself included
		int share = (wanted.size() + live.size()) / (live.size() + 1);
		Map<String, String> holders = this.store.holders(wanted);
		Map<String, Integer> counts = new HashMap<>();
		holders.values().stream().filter(Objects::nonNull).forEach((h) -> counts.merge(h, 1, Integer::sum));
		boolean someoneShort = live.stream().anyMatch((other) -> counts.getOrDefault(other, 0) < share);
		if (this.held.size() > share && someoneShort) {
			List<String> surplus = new ArrayList<>(this.held.keySet());
			// give up first what another instance ranks first
			surplus.sort(
					Comparator.comparing((String c) -> rankedFirst(c, live)).thenComparing(Comparator.naturalOrder()));
			for (String connection : List.copyOf(surplus.subList(0, this.held.size() - share))) {
				Lease lease = this.held.remove(connection);
				this.releasing.put(connection, lease);
				logger.info("Giving up the lease on {} (token {}): another instance of the group has fewer than its "
						+ "share of {}", connection, lease.token(), share);
			}
		}
		List<String> free = new ArrayList<>();
		for (String connection : wanted) {
			if (holders.get(connection) == null && !this.held.containsKey(connection)) {
				free.add(connection);
			}
		}
		free.sort(Comparator.comparing((String c) -> !rankedFirst(c, live)).thenComparing(Comparator.naturalOrder()));
		for (String connection : free) {
			if (this.held.size() >= share && !this.freeBefore.contains(connection)) {
				continue; // leave it to an instance below its share for one tick
			}
			long sent = this.nanos.getAsLong();
			OptionalLong token = this.store.acquire(connection, this.instance, this.settings.leaseTtl());
			if (token.isPresent()) {
				this.held.put(connection, new Lease(token.getAsLong(), sent + this.settings.validity().toNanos()));
				this.taken.incrementAndGet();
				logger.info("Took the lease on {} (token {})", connection, token.getAsLong());
			}
		}
		Set<String> stillFree = new HashSet<>(free);
		stillFree.removeAll(this.held.keySet());
		this.freeBefore = stillFree;
	}

	/** Whether this instance ranks first for the connection among the live instances. */
	private boolean rankedFirst(String connection, List<String> others) {
		long mine = rank(this.instance, connection);
		return others.stream().allMatch((other) -> rank(other, connection) < mine);
	}

	/** Rendezvous (highest random weight) hashing: a stable score per instance. */
	static long rank(String instance, String connection) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((instance + "\n" + connection).getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (digest[i] & 0xff);
			}
			return value;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void release(String connection, String why) {
		Lease lease = this.held.remove(connection);
		if (lease == null) {
			return;
		}
		logger.info("Gave up the lease on {} (token {}): {}", connection, lease.token(), why);
		try {
			this.store.release(connection, this.instance, lease.token());
		}
		catch (RuntimeException ex) {
			// it expires on its own
			failing(ex);
		}
	}

	private void failing(RuntimeException ex) {
		if (!this.storeFailing) {
			logger.warn("Collector group leases: Redis does not answer ({}); connections whose lease cannot be "
					+ "renewed stop {} after their last renewal", ex.toString(), this.settings.validity());
		}
		this.storeFailing = true;
	}

	/**
	 * A lease held.
	 *
	 * @param token its fencing token
	 * @param validUntilNanos {@link System#nanoTime()} until which this instance may read
	 * and publish the connection
	 */
	record Lease(long token, long validUntilNanos) {

	}

}
